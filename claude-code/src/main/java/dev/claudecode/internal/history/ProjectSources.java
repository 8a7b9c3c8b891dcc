package dev.claudecode.internal.history;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project directories to search for sessions, each with the project path it stands for.
 */
public final class ProjectSources {

    /**
     * One directory of transcripts.
     *
     * @param directory a {@code projects/<encoded cwd>} directory
     * @param projectPath the project or worktree path it belongs to, or null when listing every project
     */
    public record Source(Path directory, Path projectPath) {
    }

    private ProjectSources() {
    }

    /**
     * The directories of one project and, when asked and the project is in a git repository with
     * several worktrees, of the repository's other worktrees (their roots, like the official SDK).
     *
     * @param projectsDir the {@code projects} directory
     * @param projectPath the project directory
     * @param includeWorktrees whether to add the other worktrees
     * @return the sources, the project's own first, without duplicate directories
     */
    public static List<Source> forProject(Path projectsDir, Path projectPath, boolean includeWorktrees) {
        Path real = ProjectPaths.canonical(projectPath);
        Map<Path, Source> sources = new LinkedHashMap<>();
        for (Path dir : ProjectDirectoryLookup.find(projectsDir, projectPath)) {
            sources.putIfAbsent(dir, new Source(dir, real));
        }
        if (includeWorktrees) {
            List<Path> roots = GitWorktrees.roots(real);
            if (roots.size() > 1) {
                for (Path root : roots) {
                    if (root.equals(real)) {
                        continue;
                    }
                    for (Path dir : ProjectDirectoryLookup.find(projectsDir, root)) {
                        sources.putIfAbsent(dir, new Source(dir, root));
                    }
                }
            }
        }
        return List.copyOf(sources.values());
    }

    /**
     * Every project directory under {@code projects}, sorted by name.
     *
     * @param projectsDir the {@code projects} directory
     * @return the sources, with no project path
     * @throws IOException when the directory exists but cannot be listed
     */
    public static List<Source> all(Path projectsDir) throws IOException {
        List<Source> sources = new ArrayList<>();
        if (!Files.isDirectory(projectsDir)) {
            return sources;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(projectsDir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    sources.add(new Source(entry, null));
                }
            }
        }
        sources.sort((a, b) -> a.directory().compareTo(b.directory()));
        return sources;
    }
}
