package dev.claudecode.errors;

/**
 * The CLI wrote something that breaks the stream-json protocol, or the SDK was asked to write something that would.
 */
public class ProtocolException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong
     * @param cause the underlying failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
