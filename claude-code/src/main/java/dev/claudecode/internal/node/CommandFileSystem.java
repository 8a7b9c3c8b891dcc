package dev.claudecode.internal.node;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * The files of a machine reached only through commands, as a {@link FileSystem}. Every operation
 * runs a small POSIX shell script there (see {@link CommandFileSystemProvider}); paths are POSIX
 * paths, and relative ones are taken against the home directory. Closing it does nothing: it
 * holds no connection of its own.
 */
public final class CommandFileSystem extends FileSystem {

    private final String name;
    private final CommandFileSystemProvider provider;
    private final CommandPath home;

    CommandFileSystem(String name, ShellCommands shell, String home) {
        this.name = name;
        this.provider = new CommandFileSystemProvider(shell);
        CommandPath parsed = CommandPath.parse(this, home);
        if (!parsed.isAbsolute()) {
            throw new IllegalArgumentException("the home directory must be absolute: " + home);
        }
        this.home = parsed;
    }

    String name() {
        return name;
    }

    /** @return the home directory, against which relative paths are taken */
    public CommandPath home() {
        return home;
    }

    @Override
    public CommandFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // nothing of its own to release
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(getPath("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder path = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                path.append('/').append(part);
            }
        }
        return CommandPath.parse(this, path.toString());
    }

    /** Matches with the default file system's glob and regex syntax, on the path's string form. */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(java.nio.file.Path.of(path.toString()));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("a node reached through commands has no user lookup");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("a node reached through commands cannot watch files");
    }

    @Override
    public String toString() {
        return name;
    }
}
