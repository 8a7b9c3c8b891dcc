package dev.claudecode.errors;

/**
 * A CLI binary reported a version other than the one that was asked for, so it was refused.
 */
public class CliVersionMismatchException extends CliInstallException {

    private static final long serialVersionUID = 1L;

    /** The version that was asked for. */
    private final String expected;
    /** The version that was found. */
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param binary the binary that was run
     * @param expected the version that was asked for, e.g. {@code 2.1.197}
     * @param actual what {@code <binary> --version} printed, stripped
     */
    public CliVersionMismatchException(String binary, String expected, String actual) {
        super("Claude Code CLI " + binary + " reports version '" + actual + "' but " + expected + " was expected");
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the version that was asked for} */
    public String expected() {
        return expected;
    }

    /** {@return what the binary printed for {@code --version}, stripped} */
    public String actual() {
        return actual;
    }
}
