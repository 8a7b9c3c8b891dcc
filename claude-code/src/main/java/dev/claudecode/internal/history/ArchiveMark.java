package dev.claudecode.internal.history;

import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The archived mark of a session: {@code <project dir>/<session-id>/archived.json}, holding
 * {@code {"archived": true|false, "at": "<ISO time>"}}, beside the transcript. The CLI and the
 * official SDKs keep it there; a prompt sent in the session later clears it.
 */
public final class ArchiveMark {

    /** The mark's file name, in the session's own directory. */
    static final String FILE_NAME = "archived.json";
    /** Larger marks are not read: a mark is a few dozen bytes. */
    private static final long MAX_BYTES = 4096;

    private ArchiveMark() {
    }

    /**
     * @param transcript the session's {@code <session-id>.jsonl}
     * @param sessionId its validated id
     * @return whether the mark says the session is archived; false when there is no readable mark
     */
    public static boolean isArchived(Path transcript, String sessionId) {
        Path mark = file(transcript, sessionId);
        try {
            if (Files.size(mark) > MAX_BYTES) {
                return false;
            }
            return Json.bool(Json.parse(Files.readString(mark, StandardCharsets.UTF_8)), "archived", false);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | JacksonException e) {
            return false;
        }
    }

    /**
     * Writes the mark.
     *
     * @param transcript the session's {@code <session-id>.jsonl}
     * @param sessionId its validated id
     * @param archived the new state
     * @throws IOException when it cannot be written
     */
    static void write(Path transcript, String sessionId, boolean archived) throws IOException {
        Path mark = file(transcript, sessionId);
        Files.createDirectories(mark.getParent());
        String json = Json.write(Map.of("archived", archived, "at", Instant.now().toString()));
        PrivateFiles.replace(mark, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path file(Path transcript, String sessionId) {
        return transcript.resolveSibling(sessionId).resolve(FILE_NAME);
    }
}
