package dev.claudecode.errors;

/**
 * A downloaded CLI tarball does not match the integrity digest the registry published for it, so
 * it was refused and deleted.
 */
public class CliIntegrityException extends CliInstallException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param source what was checked, e.g. the tarball URL
     * @param expected the published digest, in Subresource Integrity form ({@code sha512-<base64>})
     * @param actual the digest of the downloaded bytes, in the same form
     */
    public CliIntegrityException(String source, String expected, String actual) {
        super("Integrity check failed for " + source + ": expected " + expected + " but the download has " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the digest the registry published, e.g. {@code sha512-rIlK...} */
    public String expected() {
        return expected;
    }

    /** @return the digest of what was downloaded, in the same form as {@link #expected()} */
    public String actual() {
        return actual;
    }
}
