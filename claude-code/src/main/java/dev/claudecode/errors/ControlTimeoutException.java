package dev.claudecode.errors;

/**
 * A control request got no answer within its timeout.
 */
public class ControlTimeoutException extends ControlException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param subtype the control request subtype
     * @param timeout how long the SDK waited
     */
    public ControlTimeoutException(String subtype, java.time.Duration timeout) {
        super(subtype, "no response within " + timeout.toMillis() + " ms");
    }
}
