package dev.claudecode.errors;


/**
 * Stored session data could not be read: the file system failed, or a transcript vanished or
 * changed while it was read.
 */
public class HistoryException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read
     */
    public HistoryException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what could not be read
     * @param cause the underlying failure, usually an {@link java.io.IOException}
     */
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
