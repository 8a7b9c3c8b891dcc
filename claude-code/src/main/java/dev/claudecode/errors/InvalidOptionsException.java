package dev.claudecode.errors;


/**
 * {@link dev.claudecode.options.ClaudeCodeOptions} were rejected before any process started: a value is out of range, two
 * options contradict each other, or a value cannot be encoded for the CLI. The message names the
 * options involved.
 */
public class InvalidOptionsException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which options are wrong and why
     */
    public InvalidOptionsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message which options are wrong and why
     * @param cause the underlying failure, e.g. a JSON parse error
     */
    public InvalidOptionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
