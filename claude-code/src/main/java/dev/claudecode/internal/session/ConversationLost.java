package dev.claudecode.internal.session;

import dev.claudecode.errors.CliProcessException;

/**
 * Recognises a CLI that could not resume a conversation because it is not on disk: a CLI killed
 * right after a turn's result can die before it writes the turn's records, and the CLI resuming it
 * then stops with {@code No conversation found with session ID: …} (transcript 24).
 */
public final class ConversationLost {

    private static final String MARKER = "No conversation found with session ID";

    private ConversationLost() {
    }

    /**
     * @param failure how a launch failed
     * @return whether it failed because the conversation to resume does not exist
     */
    public static boolean isCause(CliProcessException failure) {
        String message = failure.getMessage();
        return failure.stderrTail().contains(MARKER) || message != null && message.contains(MARKER);
    }
}
