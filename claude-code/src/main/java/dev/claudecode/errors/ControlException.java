package dev.claudecode.errors;

/**
 * A control request was answered with an error by the CLI; the message is the CLI's.
 */
public class ControlException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    private final String subtype;

    /**
     * Creates the exception.
     *
     * @param subtype the control request subtype, e.g. {@code mcp_reconnect}
     * @param message the error text the CLI sent
     */
    public ControlException(String subtype, String message) {
        super(subtype + " failed: " + message);
        this.subtype = subtype;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param subtype the control request subtype
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ControlException(String subtype, String message, Throwable cause) {
        super(subtype + " failed: " + message, cause);
        this.subtype = subtype;
    }

    /** @return the control request subtype that failed */
    public String subtype() {
        return subtype;
    }
}
