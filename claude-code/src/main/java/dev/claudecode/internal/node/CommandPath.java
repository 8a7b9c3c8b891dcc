package dev.claudecode.internal.node;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A POSIX path on a {@link CommandFileSystem}: names separated by {@code /}, absolute when it starts with one. */
final class CommandPath implements Path {

    private final CommandFileSystem fileSystem;
    private final boolean absolute;
    private final List<String> names;

    private CommandPath(CommandFileSystem fileSystem, boolean absolute, List<String> names) {
        this.fileSystem = fileSystem;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    /**
     * Parses a path string; repeated and trailing slashes are dropped.
     *
     * @param fileSystem the file system
     * @param path the path
     * @return the path
     * @throws java.nio.file.InvalidPathException when it contains a NUL character
     */
    static CommandPath parse(CommandFileSystem fileSystem, String path) {
        if (path.indexOf('\0') >= 0) {
            throw new java.nio.file.InvalidPathException(path, "NUL character not allowed");
        }
        List<String> names = Arrays.stream(path.split("/")).filter(name -> !name.isEmpty()).toList();
        return new CommandPath(fileSystem, path.startsWith("/"), names);
    }

    @Override
    public CommandFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new CommandPath(fileSystem, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        if (names.isEmpty()) {
            return absolute ? null : this;
        }
        return new CommandPath(fileSystem, false, List.of(names.getLast()));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (names.size() == 1 && !absolute)) {
            return null;
        }
        return new CommandPath(fileSystem, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.isEmpty() && !absolute ? 1 : names.size();
    }

    @Override
    public Path getName(int index) {
        if (names.isEmpty() && !absolute && index == 0) {
            return this;
        }
        return new CommandPath(fileSystem, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("no subpath " + beginIndex + ".." + endIndex + " of " + this);
        }
        return new CommandPath(fileSystem, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        CommandPath prefix = cast(other);
        return prefix.absolute == absolute && prefix.names.size() <= names.size()
                && names.subList(0, prefix.names.size()).equals(prefix.names)
                && !(prefix.names.isEmpty() && !prefix.absolute && !names.isEmpty());
    }

    @Override
    public boolean endsWith(Path other) {
        CommandPath suffix = cast(other);
        if (suffix.absolute) {
            return equals(suffix);
        }
        return suffix.names.size() <= names.size() && !suffix.names.isEmpty()
                && names.subList(names.size() - suffix.names.size(), names.size()).equals(suffix.names);
    }

    @Override
    public Path normalize() {
        List<String> normal = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..") && !normal.isEmpty() && !normal.getLast().equals("..")) {
                normal.removeLast();
            } else if (!(name.equals("..") && absolute)) {
                normal.add(name);
            }
        }
        return new CommandPath(fileSystem, absolute, normal);
    }

    @Override
    public Path resolve(Path other) {
        CommandPath child = cast(other);
        if (child.absolute) {
            return child;
        }
        if (child.names.isEmpty()) {
            return this;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(child.names);
        return new CommandPath(fileSystem, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        CommandPath target = cast(other);
        if (target.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
        }
        int common = 0;
        while (common < names.size() && common < target.names.size() && names.get(common).equals(target.names.get(common))) {
            common++;
        }
        List<String> relative = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            relative.add("..");
        }
        relative.addAll(target.names.subList(common, target.names.size()));
        return new CommandPath(fileSystem, false, relative);
    }

    @Override
    public URI toUri() {
        try {
            return new URI(CommandFileSystemProvider.SCHEME, null, toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for " + this, e);
        }
    }

    @Override
    public CommandPath toAbsolutePath() {
        return absolute ? this : (CommandPath) fileSystem.home().resolve(this);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return fileSystem.provider().toRealPath(this, options);
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a node reached through commands cannot watch files");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(cast(other).toString());
    }

    private CommandPath cast(Path other) {
        if (!(Objects.requireNonNull(other, "other") instanceof CommandPath path) || path.fileSystem != fileSystem) {
            throw new ProviderMismatchException("not a path of " + fileSystem.name() + ": " + other);
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommandPath path && path.fileSystem == fileSystem && path.absolute == absolute && path.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, names);
    }

    @Override
    public String toString() {
        String joined = String.join("/", names);
        return absolute ? "/" + joined : joined;
    }
}
