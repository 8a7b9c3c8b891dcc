package dev.claudecode.internal.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Path helpers shared by the project-directory lookup and the worktree scan. */
public final class ProjectPaths {

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
                return path.toRealPath();
            } catch (IOException | UnsupportedOperationException e) {
                // fall through: a path that cannot be resolved is used as given
            }
        }
        return path.toAbsolutePath().normalize();
    }
}
