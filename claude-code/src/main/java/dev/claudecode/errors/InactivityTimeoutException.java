package dev.claudecode.errors;

import java.time.Duration;

/**
 * A turn failed because its CLI wrote nothing on stdout for longer than the {@linkplain
 * dev.claudecode.options.ClaudeCodeOptions#inactivityTimeout() inactivity timeout}. The CLI was stopped; the next turn
 * starts a new one that resumes the conversation.
 */
public class InactivityTimeoutException extends CliProcessException {

    private static final long serialVersionUID = 1L;

    /** The inactivity timeout that ran out. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param timeout the inactivity timeout that passed
     * @param exitStatus the exit status of the stopped CLI, or null when it is not known
     * @param stderrTail the last lines the CLI wrote to stderr, possibly empty
     */
    public InactivityTimeoutException(Duration timeout, Integer exitStatus, String stderrTail) {
        super("the Claude Code CLI wrote no output for " + describe(timeout)
                + " while a turn was active, so it was stopped", exitStatus, stderrTail);
        this.timeout = timeout;
    }

    /** {@return the inactivity timeout that passed} */
    public Duration timeout() {
        return timeout;
    }

    private static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
