package dev.claudecode.internal.cli;

import dev.claudecode.errors.CliInstallException;
import dev.claudecode.errors.CliIntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest a registry publishes for a tarball ({@code dist.integrity}, a Subresource Integrity
 * string such as {@code sha512-<base64>}, or the legacy {@code dist.shasum}), and its check.
 */
public final class Integrity {

    /** Strongest first: when an SRI string lists several digests, the strongest one is checked. */
    private static final List<String> ALGORITHMS = List.of("sha512", "sha384", "sha256", "sha1");

    private final String algorithm;
    private final byte[] digest;

    private Integrity(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest.clone();
    }

    /** @return the SRI algorithm name: {@code sha512}, {@code sha384}, {@code sha256} or {@code sha1} */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Reads the digest to check from a version's {@code dist} fields.
     *
     * @param integrity the {@code dist.integrity} value, when present
     * @param shasum the {@code dist.shasum} value (hex SHA-1), when present
     * @return the strongest digest given
     * @throws CliInstallException when neither field holds a usable digest: an unverifiable download is refused
     */
    public static Integrity of(Optional<String> integrity, Optional<String> shasum) {
        Optional<Integrity> best = integrity.stream()
                .flatMap(text -> List.of(text.strip().split("\\s+")).stream())
                .map(Integrity::parseOne)
                .flatMap(Optional::stream)
                .min((a, b) -> ALGORITHMS.indexOf(a.algorithm) - ALGORITHMS.indexOf(b.algorithm));
        if (best.isPresent()) {
            return best.get();
        }
        if (shasum.isPresent() && shasum.get().strip().matches("(?i)[0-9a-f]{40}")) {
            return new Integrity("sha1", HexFormat.of().parseHex(shasum.get().strip().toLowerCase(Locale.ROOT)));
        }
        throw new CliInstallException("The registry metadata has no usable integrity digest (dist.integrity="
                + integrity.orElse("<absent>") + ", dist.shasum=" + shasum.orElse("<absent>")
                + "); refusing to install an unverifiable download");
    }

    /**
     * Checks a file against the digest.
     *
     * @param file the downloaded file
     * @param source what the file is, for the message (e.g. its URL)
     * @throws CliIntegrityException when the digest differs
     * @throws IOException when the file cannot be read
     */
    public void verify(Path file, String source) throws IOException {
        byte[] actual = digestOf(file);
        if (!MessageDigest.isEqual(actual, digest)) {
            throw new CliIntegrityException(source, toString(), format(algorithm, actual));
        }
    }

    /** @return the digest in SRI form, e.g. {@code sha512-<base64>} */
    @Override
    public String toString() {
        return format(algorithm, digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Integrity that && algorithm.equals(that.algorithm)
                && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(digest);
    }

    private byte[] digestOf(Path file) throws IOException {
        MessageDigest md = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }

    private static Optional<Integrity> parseOne(String token) {
        int dash = token.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String algorithm = token.substring(0, dash).toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            return Optional.empty();
        }
        // SRI allows "?options" after the digest
        String base64 = token.substring(dash + 1).split("\\?", 2)[0];
        try {
            byte[] digest = Base64.getDecoder().decode(base64);
            return digest.length == newDigest(algorithm).getDigestLength()
                    ? Optional.of(new Integrity(algorithm, digest)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.replace("sha", "SHA-"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static String format(String algorithm, byte[] digest) {
        return algorithm + "-" + Base64.getEncoder().encodeToString(digest);
    }
}
