package dev.claudecode.errors;


/**
 * Installing the Claude Code CLI failed: the registry could not be reached or answered with an
 * error, its metadata was unusable, the tarball could not be read, or the binary did not run.
 * Nothing is left behind in the cache directory when this is thrown.
 */
public class CliInstallException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public CliInstallException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CliInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
