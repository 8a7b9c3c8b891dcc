package dev.claudecode.internal.history;

import dev.claudecode.internal.history.ProjectSources.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/** Finds the transcript file of a session id. */
public final class SessionLocator {

    /**
     * A transcript that was found.
     *
     * @param file the {@code <session-id>.jsonl} file
     * @param projectPath the project path of the directory it was found in, or null when every project was searched
     */
    public record Located(Path file, Path projectPath) {
    }

    private SessionLocator() {
    }

    /**
     * Looks a session up. With a project path, its directories (and its worktrees') are searched
     * in order of preference and the first non-empty transcript wins; without, every project
     * directory is searched and the most recently modified transcript wins.
     *
     * @param projectsDir the {@code projects} directory
     * @param sessionId a validated session id
     * @param projectPath the project to search, or null for all projects
     * @return the transcript, when one exists and is not empty
     * @throws IOException when the projects directory cannot be listed
     */
    public static Optional<Located> find(Path projectsDir, String sessionId, Path projectPath) throws IOException {
        String name = sessionId + SessionIds.TRANSCRIPT_SUFFIX;
        List<Source> sources = projectPath != null
                ? ProjectSources.forProject(projectsDir, projectPath, true)
                : ProjectSources.all(projectsDir);
        Located best = null;
        FileTime bestTime = null;
        for (Source source : sources) {
            Path file = source.directory().resolve(name);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue;
            }
            if (!attributes.isRegularFile() || attributes.size() == 0) {
                continue;
            }
            if (projectPath != null) {
                return Optional.of(new Located(file, source.projectPath()));
            }
            if (bestTime == null || attributes.lastModifiedTime().compareTo(bestTime) > 0) {
                best = new Located(file, null);
                bestTime = attributes.lastModifiedTime();
            }
        }
        return Optional.ofNullable(best);
    }
}
