package dev.claudecode.internal.node;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of a {@link CommandFileSystem}, each a POSIX shell script (busybox or coreutils:
 * {@code stat -c}, {@code find -mindepth -maxdepth -print0}, {@code cat}, {@code readlink -f}).
 * Reading streams the file's bytes through {@code cat}; writing streams them into {@code cat >
 * file}. Read channels cannot seek: readers that need a later part of a file read past the start.
 */
public final class CommandFileSystemProvider extends FileSystemProvider {

    /** The URI scheme of command file system paths. */
    public static final String SCHEME = "claude-node";

    private static final String EXISTS = "[ -e \"$1\" ] || [ -L \"$1\" ] || exit 3; ";

    private final ShellCommands shell;

    CommandFileSystemProvider(ShellCommands shell) {
        this.shell = shell;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("command file systems are made by their node");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("command file systems are reached through their node");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("command file system paths are made by their file system");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        String file = absolute(path);
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        if (!write) {
            CommandFileAttributes attributes = stat(file, true);
            if (attributes.isDirectory()) {
                throw ShellCommands.failure(ShellCommands.IS_DIRECTORY, "", file);
            }
            return new CommandReadChannel(shell, file, attributes.size());
        }
        String redirect;
        if (options.contains(StandardOpenOption.CREATE_NEW)) {
            redirect = "[ -e \"$1\" ] || [ -L \"$1\" ] && exit 6; exec cat > \"$1\"";
        } else if (options.contains(StandardOpenOption.CREATE)) {
            redirect = options.contains(StandardOpenOption.APPEND) ? "exec cat >> \"$1\"" : "exec cat > \"$1\"";
        } else {
            redirect = EXISTS + (options.contains(StandardOpenOption.APPEND) ? "exec cat >> \"$1\"" : "exec cat > \"$1\"");
        }
        if (!options.contains(StandardOpenOption.APPEND) && !options.contains(StandardOpenOption.TRUNCATE_EXISTING)
                && !options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new UnsupportedOperationException("writing into the middle of a file is not supported; use TRUNCATE_EXISTING or APPEND");
        }
        String script = "[ -d \"$1\" ] && exit 5; " + redirect;
        return new CommandWriteChannel(shell, shell.start(script, file), file);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        String directory = absolute(dir);
        byte[] listing = shell.run(EXISTS + "[ -d \"$1\" ] || exit 4; exec find \"$1\" -mindepth 1 -maxdepth 1 -print0", directory);
        List<Path> entries = new ArrayList<>();
        for (String entry : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (!entry.isEmpty()) {
                Path child = dir.resolve(entry.substring(entry.lastIndexOf('/') + 1));
                if (filter.accept(child)) {
                    entries.add(child);
                }
            }
        }
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                // the listing was read whole
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        String directory = absolute(dir);
        shell.run("[ -e \"$1\" ] || [ -L \"$1\" ] && exit 6; [ -d \"$(dirname -- \"$1\")\" ] || exit 3; exec mkdir -- \"$1\"", directory);
    }

    @Override
    public void delete(Path path) throws IOException {
        shell.run(EXISTS + "if [ -d \"$1\" ] && [ ! -L \"$1\" ]; then [ -z \"$(ls -A -- \"$1\")\" ] || exit 7; exec rmdir -- \"$1\"; "
                + "else exec rm -f -- \"$1\"; fi", absolute(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING);
        shell.run(EXISTS + (replace ? "" : "[ -e \"$2\" ] || [ -L \"$2\" ] && exit 6; ")
                + "if [ -d \"$1\" ]; then [ -d \"$2\" ] || exec mkdir -- \"$2\"; else exec cp -f -- \"$1\" \"$2\"; fi",
                absolute(source), absolute(target));
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        boolean replace = Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING);
        shell.run(EXISTS + (replace ? "" : "[ -e \"$2\" ] || [ -L \"$2\" ] && exit 6; ") + "exec mv -f -- \"$1\" \"$2\"",
                absolute(source), absolute(target));
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        String linkPath = absolute(link);
        shell.run("[ -e \"$1\" ] || [ -L \"$1\" ] && exit 6; exec ln -s -- \"$2\" \"$1\"", linkPath, target.toString());
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        byte[] target = shell.run(EXISTS + "[ -L \"$1\" ] || exit 9; exec readlink -- \"$1\"", absolute(link));
        return link.getFileSystem().getPath(stripNewline(target));
    }

    /**
     * The real path: every symbolic link resolved, as {@code readlink -f} resolves it.
     *
     * @param path the path
     * @param options {@link LinkOption#NOFOLLOW_LINKS} only makes the path absolute and normal
     * @return the real path
     * @throws IOException when the file does not exist
     */
    Path toRealPath(CommandPath path, LinkOption... options) throws IOException {
        String file = absolute(path);
        if (Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS)) {
            shell.run(EXISTS, file);
            return path.toAbsolutePath().normalize();
        }
        byte[] real = shell.run("[ -e \"$1\" ] || exit 3; exec readlink -f -- \"$1\"", file);
        return path.getFileSystem().getPath(stripNewline(real));
    }

    @Override
    public boolean isSameFile(Path path, Path other) throws IOException {
        if (path.equals(other)) {
            return true;
        }
        if (!(other instanceof CommandPath) || path.getFileSystem() != other.getFileSystem()) {
            return false;
        }
        return toRealPath((CommandPath) path).equals(toRealPath((CommandPath) other));
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("a node reached through commands has no file store information");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        StringBuilder script = new StringBuilder(EXISTS);
        for (AccessMode mode : modes) {
            String test = switch (mode) {
                case READ -> "-r";
                case WRITE -> "-w";
                case EXECUTE -> "-x";
            };
            script.append("[ ").append(test).append(" \"$1\" ] || exit 8; ");
        }
        shell.run(script.append("exit 0").toString(), absolute(path));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return CommandFileSystemProvider.this.readAttributes(path, BasicFileAttributes.class, options);
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new UnsupportedOperationException("a node reached through commands cannot set file times");
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        if (!type.isAssignableFrom(CommandFileAttributes.class)) {
            throw new UnsupportedOperationException("only basic file attributes are supported, not " + type.getName());
        }
        return (A) stat(absolute(path), !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        String names = attributes.startsWith("basic:") ? attributes.substring("basic:".length()) : attributes;
        if (names.contains(":")) {
            throw new UnsupportedOperationException("only basic file attributes are supported: " + attributes);
        }
        BasicFileAttributes read = readAttributes(path, BasicFileAttributes.class, options);
        Map<String, Object> all = new HashMap<>();
        all.put("lastModifiedTime", read.lastModifiedTime());
        all.put("lastAccessTime", read.lastAccessTime());
        all.put("creationTime", read.creationTime());
        all.put("size", read.size());
        all.put("isRegularFile", read.isRegularFile());
        all.put("isDirectory", read.isDirectory());
        all.put("isSymbolicLink", read.isSymbolicLink());
        all.put("isOther", read.isOther());
        all.put("fileKey", read.fileKey());
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> chosen = new HashMap<>();
        for (String name : names.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no basic attribute " + name);
            }
            chosen.put(name, all.get(name));
        }
        return chosen;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("a node reached through commands cannot set file attributes");
    }

    private CommandFileAttributes stat(String file, boolean follow) throws IOException {
        String script = (follow ? "[ -e \"$1\" ] || exit 3; exec stat -L -c '" : EXISTS + "exec stat -c '")
                + CommandFileAttributes.FORMAT + "' -- \"$1\"";
        byte[] output = shell.run(script, file);
        try {
            return CommandFileAttributes.parse(output);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the attributes of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String absolute(Path path) {
        if (!(path instanceof CommandPath commandPath)) {
            throw new ProviderMismatchException("not a command file system path: " + path);
        }
        return commandPath.toAbsolutePath().toString();
    }

    private static String stripNewline(byte[] output) {
        String text = new String(output, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
