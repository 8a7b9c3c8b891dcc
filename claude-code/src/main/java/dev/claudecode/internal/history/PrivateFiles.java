package dev.claudecode.internal.history;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes session files readable by their owner only, as the CLI writes them: new files whole
 * (through a temporary file and a rename), and lines appended to an existing transcript.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Writes a file that must not exist yet, whole or not at all. */
    static void create(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temp = temporary(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes a file, replacing what it held, whole or not at all. */
    static void replace(Path file, byte[] content) throws IOException {
        Path temp = temporary(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Appends one JSON line to a transcript that exists and is not empty, starting a new line
     * first when the file does not end with one.
     *
     * @return false when the file is missing or empty (nothing is written then)
     */
    static boolean appendLine(Path transcript, String line) throws IOException {
        if (!Files.isRegularFile(transcript) || Files.size(transcript) == 0) {
            return false;
        }
        boolean endsWithNewline;
        try (var channel = Files.newByteChannel(transcript, StandardOpenOption.READ)) {
            var last = java.nio.ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            endsWithNewline = last.get(0) == '\n';
        }
        String text = (endsWithNewline ? "" : "\n") + line + "\n";
        Files.writeString(transcript, text, java.nio.charset.StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return true;
    }

    private static Path temporary(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + Long.toUnsignedString(System.nanoTime(), 36));
        try {
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
