package dev.claudecode.internal.history;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Path helpers shared by the project-directory lookup and the worktree scan. */
public final class ProjectPaths {

    /** As many links as Linux follows before it gives up with ELOOP. */
    private static final int MAX_LINKS = 40;

    /** The longest encoded project directory name kept whole; longer names are cut and get a hash suffix. */
    public static final int MAX_ENCODED_LENGTH = 200;

    private ProjectPaths() {
    }

    /**
     * The path as the CLI sees its working directory: symlinks resolved when the path exists (the
     * CLI calls {@code realpath}), else just made absolute and normalized.
     *
     * @param path a path on any file system
     * @return the canonical path on the same file system
     */
    public static Path canonical(Path path) {
        if (Files.exists(path)) {
            try {
                return path.getFileSystem() == FileSystems.getDefault() ? path.toRealPath() : resolveLinks(path);
            } catch (IOException | UnsupportedOperationException e) {
                // fall through: a path that cannot be resolved is used as given
            }
        }
        return path.toAbsolutePath().normalize();
    }

    /**
     * Resolves every symbolic link in an absolute path one name at a time, as {@code realpath(3)}
     * does. Other file systems' {@code toRealPath} may only make a path absolute (the SFTP one
     * does), while the CLI on that machine resolves links, so the walk uses nothing but
     * {@link Files#readSymbolicLink}, which any file system with links supports.
     */
    static Path resolveLinks(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path resolved = absolute.getRoot();
        if (resolved == null) {
            return absolute.normalize();
        }
        Deque<String> pending = new ArrayDeque<>();
        absolute.forEach(name -> pending.addLast(name.toString()));
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                resolved = resolved.getParent() == null ? resolved : resolved.getParent();
                continue;
            }
            Path next = resolved.resolve(name);
            if (!Files.isSymbolicLink(next)) {
                resolved = next;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new IOException("too many levels of symbolic links in " + path);
            }
            Path target = Files.readSymbolicLink(next);
            Deque<String> expanded = new ArrayDeque<>();
            target.forEach(part -> expanded.addLast(part.toString()));
            while (!expanded.isEmpty()) {
                pending.addFirst(expanded.removeLast());
            }
            if (target.isAbsolute()) {
                resolved = absolute.getRoot();
            }
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " resolves to " + resolved + ", which does not exist");
        }
        return resolved;
    }

    /**
     * Encodes a working directory string exactly as the CLI names its project directory.
     *
     * @param cwd the working directory as the CLI saw it (already resolved)
     * @return the directory name
     */
    public static String encode(String cwd) {
        String sanitized = sanitize(cwd);
        if (sanitized.length() <= MAX_ENCODED_LENGTH) {
            return sanitized;
        }
        return sanitized.substring(0, MAX_ENCODED_LENGTH) + "-" + Long.toString(Math.abs((long) cwd.hashCode()), 36);
    }

    /**
     * Replaces every UTF-16 code unit outside {@code [A-Za-z0-9]} with {@code '-'}, without the length rule.
     *
     * @param cwd a path string
     * @return the sanitized string, as long as the input
     */
    public static String sanitize(String cwd) {
        char[] chars = cwd.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!keep) {
                chars[i] = '-';
            }
        }
        return new String(chars);
    }
}
