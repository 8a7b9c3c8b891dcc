package dev.claudecode.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates the private files of a launch on this machine ({@code LaunchSpec.files}): their new
 * directory with owner-only permissions ({@code 0700}) and each file created owner-only
 * ({@code 0600}) before anything is written to it. Where the file system has no POSIX permissions
 * (Windows) the directory is made in the user's own temporary directory, private already.
 */
public final class LocalLaunchFiles {

    private LocalLaunchFiles() {
    }

    /**
     * Creates the files.
     *
     * @param files content by absolute path, all in one directory that does not exist yet
     * @throws IOException when the directory exists already or a file cannot be written; what was
     *     made is removed again
     */
    public static void create(Map<String, String> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        Path directory = Path.of(files.keySet().iterator().next()).getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = Path.of(file.getKey());
                if (posix) {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(path);
                }
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            remove(directory);
            throw e;
        }
    }

    /**
     * Removes a directory and everything in it, as far as it can.
     *
     * @param directory the directory
     * @return whether it is gone
     */
    public static boolean remove(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
