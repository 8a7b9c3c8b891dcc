package dev.claudecode.errors;


/** A command could not be run on a node, or ran past its timeout and was killed. */
public class NodeCommandException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public NodeCommandException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public NodeCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
