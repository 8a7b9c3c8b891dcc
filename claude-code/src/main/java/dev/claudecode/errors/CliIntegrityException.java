package dev.claudecode.errors;

/**
 * A CLI tarball, or the digest a registry publishes for it, does not match the digest it must
 * have, so it was refused (and a download deleted). For the versions this library was released
 * with (the pinned CLI version and the oldest supported one) the digest it must have is built into
 * the library; for any other version it is the one the registry publishes.
 */
public class CliIntegrityException extends CliInstallException {

    private static final long serialVersionUID = 1L;

    /** The digest it must have. */
    private final String expected;
    /** The digest of what was downloaded. */
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param source what was checked, e.g. the tarball URL
     * @param expected the digest it must have, in Subresource Integrity form ({@code sha512-<base64>})
     * @param actual the digest it has, in the same form
     */
    public CliIntegrityException(String source, String expected, String actual) {
        super("Integrity check failed for " + source + ": expected " + expected + " but it has " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * {@return the digest it must have (built in, or else the registry's), e.g.
     * {@code sha512-rIlK...}}
     */
    public String expected() {
        return expected;
    }

    /**
     * {@return the digest of what was downloaded, or the one the registry published, in the same
     * form as {@link #expected()}}
     */
    public String actual() {
        return actual;
    }
}
