package dev.claudecode.history;

import dev.claudecode.internal.history.ProjectDirectoryLookup;
import dev.claudecode.internal.history.ProjectPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the CLI keeps a project's sessions: {@code <config dir>/projects/<encoded cwd>/}.
 *
 * <p>The encoding (CLI 2.1.197, verified on recorded runs): every UTF-16 code unit of the real
 * path outside {@code [A-Za-z0-9]} becomes {@code '-'}, so {@code /a/b/my.proj_x} becomes
 * {@code -a-b-my-proj-x} and {@code ü} or {@code 日} become one {@code '-'} each. A result longer
 * than 200 characters is cut to 200 and gets {@code '-'} plus the base-36 absolute value of the
 * path's {@link String#hashCode()} appended (the CLI computes the same 32-bit hash). The
 * encoding is lossy: several paths can share a directory.
 *
 * <p>{@link #find} also recognizes directories that older CLIs and tools made for the same path;
 * see there.
 */
public final class ProjectDirectories {

    /** The longest encoded name kept whole; longer names are cut and get a hash suffix. */
    public static final int MAX_ENCODED_LENGTH = ProjectPaths.MAX_ENCODED_LENGTH;

    private ProjectDirectories() {
    }

    /**
     * Encodes a working directory string exactly as the CLI names its project directory.
     *
     * @param cwd the working directory as the CLI saw it (already resolved)
     * @return the directory name
     */
    public static String encode(String cwd) {
        return ProjectPaths.encode(cwd);
    }

    /**
     * Encodes a project path the way the CLI does when started there: symlinks are resolved first
     * when the path exists.
     *
     * @param projectPath the project directory, on any file system
     * @return the directory name
     */
    public static String encode(Path projectPath) {
        return encode(ProjectPaths.canonical(projectPath).toString());
    }

    /**
     * Replaces every UTF-16 code unit outside {@code [A-Za-z0-9]} with {@code '-'}, without the
     * length rule.
     *
     * @param cwd a path string
     * @return the sanitized string, as long as the input
     */
    public static String sanitize(String cwd) {
        return ProjectPaths.sanitize(cwd);
    }

    /**
     * The {@code projects} directory of a config directory.
     *
     * @param claudeConfigDir the CLI's config directory ({@code CLAUDE_CONFIG_DIR}, by default {@code ~/.claude})
     * @return {@code <claudeConfigDir>/projects}
     */
    public static Path projectsDirectory(Path claudeConfigDir) {
        return claudeConfigDir.resolve("projects");
    }

    /**
     * The directory the current CLI writes a project's sessions to, whether or not it exists.
     *
     * @param claudeConfigDir the CLI's config directory
     * @param projectPath the project directory (resolved like the CLI does when it exists)
     * @return {@code <claudeConfigDir>/projects/<encoded path>}
     */
    public static Path directoryFor(Path claudeConfigDir, Path projectPath) {
        return projectsDirectory(claudeConfigDir).resolve(encode(projectPath));
    }

    /**
     * The existing directories that hold a project's sessions, best match first.
     *
     * <p>Looked for, in order: the current name, for the real path and for the path as given; the
     * full sanitized name without the 200-character cut (older CLIs wrote uncut names, which
     * failed with {@code ENAMETOOLONG} where the file system refused them); any directory named
     * with the first 200 characters, {@code '-'} and another suffix (the same path with a different
     * hash, which the official SDK accepts too); and the names of tools that replaced only
     * {@code '/'}, or {@code '/'} and {@code '.'}. The guessed names (another suffix, other tools)
     * count only when a transcript in the directory records this path as its cwd, because other
     * paths can produce them.
     *
     * @param claudeConfigDir the CLI's config directory
     * @param projectPath the project directory
     * @return the directories, possibly empty
     */
    public static List<Path> find(Path claudeConfigDir, Path projectPath) {
        return ProjectDirectoryLookup.find(projectsDirectory(claudeConfigDir), projectPath);
    }
}
