package dev.claudecode.errors;

import java.util.OptionalInt;

/**
 * The Claude Code CLI process failed: it exited, could not start, or died mid-turn. Carries the exit status and the tail of its stderr.
 */
public class CliProcessException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /** The CLI's exit status, when it exited; {@code null} otherwise. */
    private final Integer exitStatus;
    /** The last lines the CLI wrote on stderr. */
    private final String stderrTail;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param exitStatus the exit status, or null when the process has not exited or never started
     * @param stderrTail the last lines the CLI wrote to stderr, possibly empty
     */
    public CliProcessException(String message, Integer exitStatus, String stderrTail) {
        super(describe(message, exitStatus, stderrTail));
        this.exitStatus = exitStatus;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what happened
     * @param cause the underlying failure
     */
    public CliProcessException(String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = null;
        this.stderrTail = "";
    }

    /** {@return the exit status of the CLI, when it has exited} */
    public OptionalInt exitStatus() {
        return exitStatus == null ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }

    /** {@return the last lines the CLI wrote to stderr, possibly empty} */
    public String stderrTail() {
        return stderrTail;
    }

    private static String describe(String message, Integer exitStatus, String stderrTail) {
        StringBuilder text = new StringBuilder(message);
        if (exitStatus != null) {
            text.append(" (exit status ").append(exitStatus).append(")");
        }
        if (stderrTail != null && !stderrTail.isBlank()) {
            text.append("; stderr:\n").append(stderrTail.strip());
        }
        return text.toString();
    }
}
