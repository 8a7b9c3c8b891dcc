package dev.claudecode.internal.history;

import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to a saved session made without a running CLI, in the files the CLI reads: title and
 * tag records appended to the transcript, the archived mark beside it, a forked copy, deletion;
 * and where a session's subagent transcripts are.
 */
public final class SessionEdits {

    /** Subagent ids become file names: letters, digits, '-' and '_' only. */
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String AGENT_PREFIX = "agent-";

    private SessionEdits() {
    }

    /**
     * Appends a {@code custom-title} record, which the CLI and the listings read as the title.
     *
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @param title the new title, not blank
     * @throws IOException when the transcript cannot be written, or is missing or empty
     */
    public static void rename(Path transcript, String sessionId, String title) throws IOException {
        append(transcript, record("custom-title", "customTitle", title, sessionId));
    }

    /**
     * Appends a {@code tag} record; an empty tag clears the session's tag.
     *
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @param tag the tag, or empty to clear it
     * @throws IOException when the transcript cannot be written, or is missing or empty
     */
    public static void tag(Path transcript, String sessionId, Optional<String> tag) throws IOException {
        append(transcript, record("tag", "tag", tag.orElse(""), sessionId));
    }

    /**
     * Writes the archived mark.
     *
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @param archived the new state
     * @throws IOException when the mark cannot be written
     */
    public static void setArchived(Path transcript, String sessionId, boolean archived) throws IOException {
        ArchiveMark.write(transcript, sessionId, archived);
    }

    /**
     * Copies a session into a new one beside it.
     *
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @param upTo the uuid of the last record to copy, or empty for all
     * @param title the copy's title
     * @return the new session's id
     * @throws IOException when a file cannot be read or written
     * @throws IllegalArgumentException when {@code upTo} names no record
     */
    public static String fork(Path transcript, String sessionId, Optional<String> upTo, String title) throws IOException {
        String forkedId = UUID.randomUUID().toString();
        List<String> lines = TranscriptFork.fork(Files.readAllLines(transcript, StandardCharsets.UTF_8), sessionId, forkedId, upTo, title);
        PrivateFiles.create(transcript.resolveSibling(forkedId + SessionIds.TRANSCRIPT_SUFFIX),
                (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return forkedId;
    }

    /**
     * Deletes a session's transcript and its directory (subagent transcripts, tool results, the
     * archived mark).
     *
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @throws IOException when something cannot be deleted; a repeat call deletes what is left
     */
    public static void delete(Path transcript, String sessionId) throws IOException {
        Files.deleteIfExists(transcript);
        deleteTree(transcript.resolveSibling(sessionId));
    }

    /**
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @return the ids of the session's subagents, sorted: the {@code agent-<id>.jsonl} files under
     *     {@code <session-id>/subagents/}
     * @throws IOException when the directory cannot be read
     */
    public static List<String> subagents(Path transcript, String sessionId) throws IOException {
        Path root = transcript.resolveSibling(sessionId).resolve("subagents");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root, 4)) {
            files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SessionIds.TRANSCRIPT_SUFFIX))
                    .map(SessionEdits::agentIdOf).flatMap(Optional::stream)
                    .forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    /**
     * @param transcript the session's transcript
     * @param sessionId its validated id
     * @param agentId a subagent id
     * @return the subagent's transcript, when there is one
     * @throws IllegalArgumentException when the id could not be a file name of the CLI's
     * @throws IOException when the directory cannot be read
     */
    public static Optional<Path> subagentFile(Path transcript, String sessionId, String agentId) throws IOException {
        checkAgentId(agentId);
        Path root = transcript.resolveSibling(sessionId).resolve("subagents");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        String name = AGENT_PREFIX + agentId + SessionIds.TRANSCRIPT_SUFFIX;
        try (Stream<Path> files = Files.walk(root, 4)) {
            return files.filter(file -> file.getFileName().toString().equals(name) && Files.isRegularFile(file)).findFirst();
        }
    }

    /**
     * @param agentId a subagent id
     * @throws IllegalArgumentException when it could not be a file name of the CLI's
     */
    public static void checkAgentId(String agentId) {
        if (agentId == null || !AGENT_ID.matcher(agentId).matches()) {
            throw new IllegalArgumentException("not a subagent id: '" + agentId + "'");
        }
    }

    /**
     * @param name the last segment of a subagent transcript's name or subpath
     * @return the subagent id it names, when it is {@code agent-<id>} (with or without {@code .jsonl})
     */
    public static Optional<String> agentIdOf(String name) {
        String base = name.endsWith(SessionIds.TRANSCRIPT_SUFFIX) ? name.substring(0, name.length() - SessionIds.TRANSCRIPT_SUFFIX.length()) : name;
        if (!base.startsWith(AGENT_PREFIX)) {
            return Optional.empty();
        }
        String id = base.substring(AGENT_PREFIX.length());
        return AGENT_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private static void append(Path transcript, String line) throws IOException {
        if (!PrivateFiles.appendLine(transcript, line)) {
            throw new NoSuchFileException(transcript.toString(), null, "no transcript to append to");
        }
    }

    /**
     * @param type the record type ({@code custom-title} or {@code tag})
     * @param field the field that holds the value
     * @param value the value
     * @param sessionId the session id
     * @return the record as one JSON line
     */
    public static String record(String type, String field, String value, String sessionId) {
        ObjectNode record = Json.object();
        record.put("type", type);
        record.put(field, value);
        record.put("sessionId", sessionId);
        return Json.write(record);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
