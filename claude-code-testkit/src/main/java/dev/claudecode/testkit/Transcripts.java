package dev.claudecode.testkit;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.history.SessionMessage;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a session's history while the CLI may still be writing it. The CLI writes a turn's last
 * transcript records a moment after it reports the turn's {@code result}; a test that ends or
 * kills the CLI, or reads the history, right after a result waits until the transcript holds
 * what it needs, for example with {@code holds(session::messages, "the answer")}.
 */
public final class Transcripts {

    private Transcripts() {
    }

    /**
     * @param history reads the session's messages, such as {@code session::messages}
     * @param text the exact text of a message
     * @return whether the history holds a message with exactly this text; false while there is
     *     no transcript yet
     */
    public static boolean holds(Supplier<List<SessionMessage>> history, String text) {
        try {
            return history.get().stream().anyMatch(message -> message.text().equals(text));
        } catch (ClaudeCodeException e) {
            return false;
        }
    }
}
