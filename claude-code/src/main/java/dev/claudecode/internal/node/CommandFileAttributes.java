package dev.claudecode.internal.node;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * A file's attributes as {@code stat -c '%f %s %Y %X %Z %i'} prints them: the raw mode in hex,
 * the size, the modification, access and change times in seconds, and the inode number.
 */
record CommandFileAttributes(int mode, long size, long modified, long accessed, long changed, String inode)
        implements BasicFileAttributes {

    /** The {@code stat} format this record parses. */
    static final String FORMAT = "%f %s %Y %X %Z %i";

    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;

    static CommandFileAttributes parse(byte[] statOutput) {
        String[] fields = new String(statOutput, StandardCharsets.UTF_8).strip().split(" ");
        if (fields.length != 6) {
            throw new IllegalArgumentException("unexpected stat output: " + new String(statOutput, StandardCharsets.UTF_8));
        }
        return new CommandFileAttributes(Integer.parseInt(fields[0], 16), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Long.parseLong(fields[4]), fields[5]);
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(modified, TimeUnit.SECONDS);
    }

    @Override
    public FileTime lastAccessTime() {
        return FileTime.from(accessed, TimeUnit.SECONDS);
    }

    /** @return the last status change: POSIX keeps no creation time that every {@code stat} shows */
    @Override
    public FileTime creationTime() {
        return FileTime.from(changed, TimeUnit.SECONDS);
    }

    @Override
    public boolean isRegularFile() {
        return (mode & TYPE_MASK) == REGULAR;
    }

    @Override
    public boolean isDirectory() {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return (mode & TYPE_MASK) == SYMLINK;
    }

    @Override
    public boolean isOther() {
        return !isRegularFile() && !isDirectory() && !isSymbolicLink();
    }

    @Override
    public Object fileKey() {
        return inode;
    }
}
