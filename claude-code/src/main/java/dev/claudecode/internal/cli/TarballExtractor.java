package dev.claudecode.internal.cli;

import dev.claudecode.errors.CliInstallException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Copies one regular file out of a gzipped tar archive (an npm package tarball), reading the archive
 * once as a stream. Understands POSIX ustar names with a prefix, GNU long names ({@code L} entries)
 * and pax extended headers ({@code path=}), and treats the first path component as the package
 * folder, as npm does ({@code package/claude} and {@code anything/claude} both match {@code claude}).
 */
public final class TarballExtractor {

    private static final int BLOCK = 512;
    /** Metadata entries (long names, pax records) are small; a huge one means a corrupt archive. */
    private static final long MAX_METADATA = 1 << 20;

    private TarballExtractor() {
    }

    /**
     * Extracts one file.
     *
     * @param tarball the {@code .tgz}
     * @param fileInPackage the file's path below the package folder, e.g. {@code claude}
     * @param target where to write it; created new (it must not exist)
     * @throws CliInstallException when the archive is corrupt, truncated or lacks the file
     * @throws IOException when reading the tarball or writing the target fails
     */
    public static void extract(Path tarball, String fileInPackage, Path target) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 16)) {
            if (!copyEntry(in, fileInPackage, target)) {
                throw new CliInstallException("The tarball " + tarball.getFileName() + " has no file package/" + fileInPackage);
            }
        } catch (ZipException | EOFException e) {
            throw new CliInstallException("The tarball " + tarball.getFileName() + " is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    private static boolean copyEntry(InputStream in, String fileInPackage, Path target) throws IOException {
        byte[] header = new byte[BLOCK];
        Optional<String> pendingName = Optional.empty();
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK) {
                throw new EOFException("archive ends inside a header");
            }
            if (isZeroBlock(header)) {
                return false;
            }
            checkChecksum(header);
            long size = size(header);
            char type = (char) header[156];
            switch (type) {
                case 'L' -> pendingName = Optional.of(cString(readMetadata(in, size), 0, (int) size));
                case 'x' -> {
                    Optional<String> paxPath = paxPath(readMetadata(in, size));
                    if (paxPath.isPresent()) {
                        pendingName = paxPath;
                    }
                }
                case '0', '\0', '7' -> {
                    String name = pendingName.orElseGet(() -> ustarName(header));
                    pendingName = Optional.empty();
                    if (fileInPackage.equals(stripPackageFolder(name))) {
                        copy(in, size, target);
                        return true;
                    }
                    skip(in, padded(size));
                }
                default -> {
                    // directories, links, global pax headers and vendor entries carry nothing we need
                    pendingName = Optional.empty();
                    skip(in, padded(size));
                }
            }
        }
    }

    private static void copy(InputStream in, long size, Path target) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long remaining = size;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EOFException("archive ends inside " + target.getFileName());
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }

    private static byte[] readMetadata(InputStream in, long size) throws IOException {
        if (size > MAX_METADATA) {
            throw new CliInstallException("The tarball has an extended header of " + size + " bytes; it is corrupt");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("archive ends inside an extended header");
        }
        skip(in, padded(size) - size);
        return data;
    }

    /** Pax records are {@code "<length> <key>=<value>\n"}, the length counting the whole record. */
    private static Optional<String> paxPath(byte[] data) {
        int at = 0;
        Optional<String> path = Optional.empty();
        while (at < data.length) {
            int space = indexOf(data, (byte) ' ', at);
            if (space < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            if (length <= 0 || at + length > data.length) {
                break;
            }
            String record = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = Optional.of(record.substring("path=".length()));
            }
            at += length;
        }
        return path;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        // only POSIX ustar ("ustar\0") has a name prefix; old GNU headers keep other fields there
        boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        String prefix = posix ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String stripPackageFolder(String name) {
        String clean = name.startsWith("./") ? name.substring(2) : name;
        int slash = clean.indexOf('/');
        return slash < 0 ? "" : clean.substring(slash + 1);
    }

    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            // GNU base-256 encoding, used for entries of 8 GiB and more
            long value = header[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        return octal(header, 124, 12, "size");
    }

    private static void checkChecksum(byte[] header) {
        long expected = octal(header, 148, 8, "checksum");
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        // some old writers summed signed bytes
        if (expected != unsigned && expected != signed) {
            throw new CliInstallException("The tarball is corrupt: a header checksum does not match");
        }
    }

    private static long octal(byte[] header, int offset, int length, String field) {
        String text = new String(header, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new CliInstallException("The tarball is corrupt: bad " + field + " field '" + text + "' in a header");
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static void skip(InputStream in, long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("archive ends inside an entry");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }
}
