package dev.claudecode.release;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Central Portal bundle: files laid out as in a Maven repository
 * ({@code dev/claudecode/claude-code/0.2.0/claude-code-0.2.0.jar}, its checksums and signatures),
 * in memory. Read from a zip with bounds on its size, and with no entry outside its root.
 */
final class Bundle {

    /** The most a bundle may hold, uncompressed. */
    static final long MAX_BYTES = 1L << 30;
    /** The most entries a bundle may hold. */
    static final int MAX_ENTRIES = 10_000;

    /** A fixed time for zip entries, so that the same files make the same zip. */
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L);

    private final NavigableMap<String, byte[]> files;

    private Bundle(NavigableMap<String, byte[]> files) {
        this.files = Collections.unmodifiableNavigableMap(files);
    }

    /**
     * Reads a bundle zip.
     *
     * @param zip the zip file
     * @return its files
     * @throws IOException when it cannot be read, is too big, or has an entry outside its root
     */
    static Bundle readZip(Path zip) throws IOException {
        NavigableMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = nameIn(zip, entry.getName());
                if (files.size() >= MAX_ENTRIES) {
                    throw new IOException(zip + " has more than " + MAX_ENTRIES + " files");
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += content.length;
                if (total > MAX_BYTES) {
                    throw new IOException(zip + " holds more than " + MAX_BYTES + " bytes");
                }
                if (files.put(name, content) != null) {
                    throw new IOException(zip + " holds " + name + " twice");
                }
            }
        }
        return new Bundle(files);
    }

    /**
     * Reads a staging directory laid out as a bundle.
     *
     * @param root the directory
     * @return its files
     * @throws IOException when it cannot be read or is too big
     */
    static Bundle readDirectory(Path root) throws IOException {
        NavigableMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                total += Files.size(file);
                if (total > MAX_BYTES || files.size() >= MAX_ENTRIES) {
                    throw new IOException(root + " holds more than a bundle may");
                }
                files.put(nameIn(root, root.relativize(file).toString().replace('\\', '/')), Files.readAllBytes(file));
            }
        }
        return new Bundle(files);
    }

    /**
     * @param files the files by path
     * @return a bundle of them
     */
    static Bundle of(Map<String, byte[]> files) {
        NavigableMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, content) -> copy.put(checkedName(name), content.clone()));
        return new Bundle(copy);
    }

    /**
     * Writes the bundle as a zip, entries sorted and dated alike.
     *
     * @param zip the zip to write
     * @throws IOException when it cannot be written
     */
    void writeZip(Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(EPOCH);
                out.putNextEntry(zipEntry);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    /** @return every file's path, sorted */
    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /**
     * @param path a file's path in the bundle
     * @return its content
     */
    Optional<byte[]> get(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    /**
     * @param path a file's path in the bundle
     * @return whether the bundle has it
     */
    boolean has(String path) {
        return files.containsKey(path);
    }

    /**
     * @param path a file's path in the bundle
     * @return the content as a stream
     */
    InputStream open(String path) {
        return new ByteArrayInputStream(files.getOrDefault(path, new byte[0]));
    }

    private static String nameIn(Path source, String name) throws IOException {
        try {
            return checkedName(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static String checkedName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || List.of(name.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."))) {
            throw new IllegalArgumentException("not a relative path inside the bundle: " + name);
        }
        return name;
    }
}
