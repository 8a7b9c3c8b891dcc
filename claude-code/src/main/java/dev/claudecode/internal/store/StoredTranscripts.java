package dev.claudecode.internal.store;

import dev.claudecode.internal.history.ConversationChain;
import dev.claudecode.internal.history.MessageGroups;
import dev.claudecode.internal.history.Timestamps;
import dev.claudecode.internal.history.TranscriptReader;
import dev.claudecode.internal.history.TranscriptSource;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.SessionStoreEntry;
import dev.claudecode.store.SessionSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what a store gives back into what the history readers take: JSONL bytes and session infos. */
public final class StoredTranscripts {

    /** The entry type that carries a subagent's metadata, which lives beside its transcript on disk. */
    public static final String AGENT_METADATA = "agent_metadata";

    private StoredTranscripts() {
    }

    /**
     * Writes entries as transcript lines.
     *
     * @param entries the entries
     * @param out where the lines go
     * @throws IOException when writing fails
     */
    public static void write(List<SessionStoreEntry> entries, OutputStream out) throws IOException {
        for (SessionStoreEntry entry : entries) {
            out.write(entry.json().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    /**
     * The entries as the bytes of a {@code .jsonl} file.
     *
     * @param entries the entries
     * @return the bytes
     */
    public static byte[] jsonl(List<SessionStoreEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(entries, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The place a stored transcript is named by in a {@link SessionInfo}: the relative path
     * {@code <projectKey>/<sessionId>.jsonl}, for there is no file.
     *
     * @param key the transcript's key
     * @return the relative path
     */
    public static Path place(SessionKey key) {
        return Path.of(key.projectKey(), key.sessionId() + ".jsonl");
    }

    /**
     * Describes a session from its summary, as a listing does.
     *
     * @param summary the summary a store kept or that was folded from its entries
     * @param projectKey the project it belongs to
     * @return the info; empty for a subagent (sidechain) transcript
     */
    public static Optional<SessionInfo> info(SessionSummary summary, String projectKey) {
        Map<String, Object> data = summary.data();
        if (Boolean.TRUE.equals(data.get("isSidechain"))) {
            return Optional.empty();
        }
        SessionKey key = SessionKey.of(projectKey, summary.sessionId());
        String firstPrompt = Boolean.TRUE.equals(data.get("firstPromptLocked")) ? text(data, "firstPrompt") : text(data, "commandFallback");
        String title = firstNonNull(text(data, "customTitle"), text(data, "aiTitle"), text(data, "summaryHint"));
        Instant created = data.get("createdAt") instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null;
        return Optional.of(SessionInfo.builder()
                .sessionId(summary.sessionId())
                .file(place(key))
                .projectDirectory(Path.of(projectKey))
                .cwd(text(data, "cwd"))
                .title(title)
                .firstPrompt(firstPrompt)
                .lastPrompt(text(data, "lastPrompt"))
                .created(created)
                .modified(Instant.ofEpochMilli(summary.mtime()))
                .fileSize(0)
                .gitBranch(text(data, "gitBranch"))
                .entrypoint(text(data, "entrypoint"))
                .tag(text(data, "tag"))
                .build());
    }

    /**
     * Describes a session from its whole transcript: the summary's facts plus its exact size and
     * message count.
     *
     * @param key the main transcript's key
     * @param entries its entries
     * @param mtime the store's last save time, or the newest entry timestamp when the store does not say
     * @return the info; empty for a subagent (sidechain) transcript
     * @throws IOException when the bytes cannot be scanned (they are in memory, so only on a bug)
     */
    public static Optional<SessionInfo> info(SessionKey key, List<SessionStoreEntry> entries, long mtime) throws IOException {
        SessionSummary summary = SessionSummary.fold(Optional.empty(), key, entries, mtime);
        Optional<SessionInfo> info = info(summary, key.projectKey());
        if (info.isEmpty()) {
            return info;
        }
        byte[] bytes = jsonl(entries);
        var index = TranscriptReader.index(TranscriptSource.of(bytes, key.toString()));
        int messages = MessageGroups.group(ConversationChain.build(index, true), false).size();
        return Optional.of(info.get().toBuilder().fileSize(bytes.length).messageCount(messages).build());
    }

    /**
     * The newest timestamp among entries, for a store that keeps no save time.
     *
     * @param entries the entries
     * @return epoch milliseconds, or 0 when none has a timestamp
     */
    public static long newestTimestamp(List<SessionStoreEntry> entries) {
        long newest = 0;
        for (SessionStoreEntry entry : entries) {
            Instant at = entry.timestamp().map(Timestamps::parse).orElse(null);
            if (at != null) {
                newest = Math.max(newest, at.toEpochMilli());
            }
        }
        return newest;
    }

    private static String text(Map<String, Object> data, String key) {
        return data.get(key) instanceof String value && !value.isEmpty() ? value : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
