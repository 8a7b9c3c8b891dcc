package dev.claudecode.errors;

/**
 * The root of every exception this library throws. It is unchecked: catch it (or one of its
 * subclasses) where a failure can be handled, let it propagate elsewhere.
 */
public class ClaudeCodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public ClaudeCodeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ClaudeCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
