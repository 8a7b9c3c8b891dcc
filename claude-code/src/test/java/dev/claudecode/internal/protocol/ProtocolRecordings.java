package dev.claudecode.internal.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The protocol recordings of every CLI version under {@code protocol/<version>/} (the
 * {@code claudecode.protocol.dir} system property, else {@code ../protocol}).
 */
public final class ProtocolRecordings {

    /** The CLI version whose recordings the tests were first written against. */
    public static final String V2_1_197 = "2.1.197";
    /** The newest recorded CLI version. */
    public static final String V2_1_332 = "2.1.332";

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private ProtocolRecordings() {
    }

    /** @return the folder holding one sub-folder per recorded version */
    public static Path root() {
        String configured = System.getProperty("claudecode.protocol.dir");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "protocol");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("protocol recordings not found at " + root.toAbsolutePath());
        }
        return root;
    }

    /** @return every recorded version, oldest first */
    public static List<String> versions() {
        try (Stream<Path> dirs = Files.list(root())) {
            List<String> versions = dirs.filter(dir -> Files.isDirectory(dir.resolve("transcripts")))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> VERSION.matcher(name).matches())
                    .sorted(Comparator.comparing(ProtocolRecordings::numeric))
                    .toList();
            if (versions.isEmpty()) {
                throw new IllegalStateException("no recorded versions under " + root().toAbsolutePath());
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param version e.g. {@code 2.1.332}
     * @return that version's recordings: {@code transcripts/}, {@code session-files/}, {@code results/}, {@code api-requests/}
     */
    public static Path dir(String version) {
        Path dir = root().resolve(version);
        if (!Files.isDirectory(dir.resolve("transcripts"))) {
            throw new IllegalStateException("no recordings of CLI " + version + " at " + dir.toAbsolutePath());
        }
        return dir;
    }

    private static String numeric(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%08d", Integer.parseInt(part)));
        }
        return key.toString();
    }
}
