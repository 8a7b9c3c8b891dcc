package dev.claudecode.internal.history;

import dev.claudecode.history.SessionInfo;
import dev.claudecode.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Builds a {@link SessionInfo} from a transcript's head and tail windows. Facts that are written
 * once at the start (cwd, first prompt, creation time) come from the head; facts that change over
 * the session (titles, last prompt, branch) come from the newest record in the tail that has them.
 */
public final class SessionSummaries {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSummaries.class);

    private SessionSummaries() {
    }

    /**
     * Summarizes one transcript.
     *
     * @param file the transcript
     * @param sessionId its session id
     * @param projectPath the project path the listing matched it to, or null
     * @param countMessages whether to stream a file too large for the windows to count its messages
     * @return the summary; empty for an empty file, a file with no record, or a subagent (sidechain) transcript
     * @throws IOException when the file cannot be read
     */
    public static Optional<SessionInfo> read(Path file, String sessionId, Path projectPath, boolean countMessages)
            throws IOException {
        return read(file, Files.readAttributes(file, BasicFileAttributes.class), sessionId, projectPath, countMessages);
    }

    /**
     * Summarizes one transcript whose attributes were already read (by the directory scan).
     *
     * @param file the transcript
     * @param attributes its attributes
     * @param sessionId its session id
     * @param projectPath the project path the listing matched it to, or null
     * @param countMessages whether to stream a file too large for the windows to count its messages
     * @return the summary; empty for an empty file, a file with no record, or a subagent (sidechain) transcript
     * @throws IOException when the file cannot be read
     */
    public static Optional<SessionInfo> read(
            Path file, BasicFileAttributes attributes, String sessionId, Path projectPath, boolean countMessages)
            throws IOException {
        if (!attributes.isRegularFile() || attributes.size() == 0) {
            return Optional.empty();
        }
        FileWindow window = FileWindow.read(file, FileWindow.DEFAULT_SIZE);
        if (window.size() == 0) {
            return Optional.empty();
        }
        int[] malformed = {0};
        List<JsonNode> head = parseLines(window.head(), window.headLines(), malformed);
        List<JsonNode> tail = window.complete() ? head : parseLines(window.tail(), window.tailLines(), malformed);
        if (head.isEmpty() && tail.isEmpty()) {
            return Optional.empty();
        }
        if (startsAsSidechain(window)) {
            return Optional.empty();
        }

        SessionInfo.Builder info = SessionInfo.builder()
                .sessionId(sessionId)
                .file(file)
                .projectDirectory(file.getParent())
                .projectPath(projectPath)
                .modified(attributes.lastModifiedTime().toInstant())
                .fileSize(window.size())
                .archived(ArchiveMark.isArchived(file, sessionId));
        describe(info, head, tail);

        TranscriptIndex index = null;
        if (window.complete()) {
            index = scan(new ByteArrayInputStream(window.head()));
        } else if (countMessages) {
            index = scan(Files.newInputStream(file));
        }
        if (index != null) {
            info.messageCount(MessageGroups.group(ConversationChain.build(index, true), false).size());
            malformed[0] = Math.max(malformed[0], index.malformedLines());
        }
        if (malformed[0] > 0) {
            LOG.warn("{}: skipped {} malformed line(s) while listing", file, malformed[0]);
        }
        return Optional.of(info.build());
    }

    private static void describe(SessionInfo.Builder info, List<JsonNode> head, List<JsonNode> tail) {
        FirstPrompt firstPrompt = new FirstPrompt();
        String cwd = null;
        String created = null;
        String firstBranch = null;
        String entrypoint = null;
        for (JsonNode record : head) {
            cwd = cwd != null ? cwd : Json.text(record, "cwd").orElse(null);
            created = created != null ? created : Json.text(record, "timestamp").orElse(null);
            firstBranch = firstBranch != null ? firstBranch : Json.text(record, "gitBranch").orElse(null);
            entrypoint = entrypoint != null ? entrypoint : Json.text(record, "entrypoint").orElse(null);
            firstPrompt.offer(record);
        }
        String relocated = latest(tail, "relocated", "relocatedCwd");
        info.cwd(relocated != null ? relocated : cwd != null ? cwd : latest(tail, null, "cwd"))
                .created(Timestamps.parse(created))
                .gitBranch(firstNonNull(latest(tail, null, "gitBranch"), firstBranch))
                .entrypoint(firstNonNull(entrypoint, latest(tail, null, "entrypoint")))
                .firstPrompt(firstPrompt.result())
                .lastPrompt(latest(tail, "last-prompt", "lastPrompt"))
                .tag(firstNonNull(latest(tail, "tag", "tag"), latest(head, "tag", "tag")))
                .title(title(head, tail));
    }

    private static String title(List<JsonNode> head, List<JsonNode> tail) {
        String[][] sources = {{"custom-title", "customTitle"}, {"ai-title", "aiTitle"}, {"summary", "summary"}};
        for (String[] source : sources) {
            String title = firstNonNull(latest(tail, source[0], source[1]), latest(head, source[0], source[1]));
            if (title != null && !title.isBlank()) {
                return title;
            }
        }
        return null;
    }

    /** The value of {@code field} in the last record (of {@code type}, when given) that has it as a string. */
    private static String latest(List<JsonNode> records, String type, String field) {
        for (JsonNode record : records.reversed()) {
            if (type != null && !type.equals(Json.text(record, "type", ""))) {
                continue;
            }
            Optional<String> value = Json.text(record, field);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    private static boolean startsAsSidechain(FileWindow window) {
        List<int[]> lines = window.headLines();
        if (lines.isEmpty()) {
            return false;
        }
        int[] first = lines.getFirst();
        try {
            return Json.bool(Json.parse(window.head(), first[0], first[1]), "isSidechain", false);
        } catch (JacksonException e) {
            return false;
        }
    }

    private static List<JsonNode> parseLines(byte[] bytes, List<int[]> lines, int[] malformed) {
        List<JsonNode> records = new ArrayList<>(lines.size());
        for (int[] line : lines) {
            if (isBlank(bytes, line[0], line[1])) {
                continue;
            }
            try {
                JsonNode node = Json.parse(bytes, line[0], line[1]);
                if (node.isObject()) {
                    records.add(node);
                } else {
                    malformed[0]++;
                }
            } catch (JacksonException e) {
                malformed[0]++;
            }
        }
        return records;
    }

    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static TranscriptIndex scan(InputStream in) throws IOException {
        try (LineReader reader = new LineReader(in)) {
            return TranscriptScanner.scan(reader);
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
