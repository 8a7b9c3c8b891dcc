package dev.claudecode.release;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The checksum files beside each file of a Maven repository: {@code .md5} and {@code .sha1} required, the SHA-2 ones optional. */
final class Checksums {

    /** Extensions of the checksum files Maven Central requires. */
    static final List<String> REQUIRED = List.of(".md5", ".sha1");

    /** Extensions of every checksum file this tool writes and checks, with their algorithms. */
    static final Map<String, String> ALGORITHMS = Map.of(
            ".md5", "MD5",
            ".sha1", "SHA-1",
            ".sha256", "SHA-256",
            ".sha512", "SHA-512");

    private Checksums() {
    }

    /**
     * @param extension a checksum file's extension, e.g. {@code .sha1}
     * @param content the file it is for
     * @return the checksum as lower-case hex, as the checksum file holds it
     */
    static String of(String extension, byte[] content) {
        String algorithm = ALGORITHMS.get(extension);
        if (algorithm == null) {
            throw new IllegalArgumentException("no checksum " + extension);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    /**
     * @param path a file's path
     * @return whether it is a checksum file
     */
    static boolean isChecksum(String path) {
        return ALGORITHMS.keySet().stream().anyMatch(path::endsWith);
    }

    /**
     * @param checksumFile what a checksum file holds: the hex digest, possibly followed by the file name
     * @return the digest alone, lower case
     */
    static String digestIn(String checksumFile) {
        String trimmed = checksumFile.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }
}
