package dev.claudecode.ssh;

import dev.claudecode.ClaudeCodeException;
import dev.claudecode.history.SessionMessage;
import java.util.List;
import java.util.function.Supplier;

/** Reads a session's history while the CLI may still be writing it. */
final class Transcripts {

    private Transcripts() {
    }

    /**
     * @return whether the history holds a message with exactly this text; false while there is
     *     no transcript yet (the CLI writes it a moment after each result)
     */
    static boolean holds(Supplier<List<SessionMessage>> history, String text) {
        try {
            return history.get().stream().anyMatch(message -> message.text().equals(text));
        } catch (ClaudeCodeException e) {
            return false;
        }
    }
}
