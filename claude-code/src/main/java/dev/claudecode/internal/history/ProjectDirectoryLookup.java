package dev.claudecode.internal.history;

import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Implements {@link dev.claudecode.history.ProjectDirectories#find}: current and older directory names for one project path. */
public final class ProjectDirectoryLookup {

    private static final int HEAD_BYTES = FileWindow.DEFAULT_SIZE;

    private ProjectDirectoryLookup() {
    }

    /**
     * Finds the existing directories holding a project's sessions.
     *
     * @param projectsDir the config directory's {@code projects} directory
     * @param projectPath the project directory
     * @return the directories, best match first
     */
    public static List<Path> find(Path projectsDir, Path projectPath) {
        Set<String> cwds = new LinkedHashSet<>();
        cwds.add(ProjectPaths.canonical(projectPath).toString());
        cwds.add(projectPath.toAbsolutePath().normalize().toString());

        Map<String, Boolean> trusted = new LinkedHashMap<>();
        for (String cwd : cwds) {
            trusted.putIfAbsent(ProjectPaths.encode(cwd), true);
        }
        for (String cwd : cwds) {
            String sanitized = ProjectPaths.sanitize(cwd);
            if (sanitized.length() > ProjectPaths.MAX_ENCODED_LENGTH) {
                trusted.putIfAbsent(sanitized, true);
            }
        }
        List<Path> found = new ArrayList<>();
        trusted.keySet().forEach(name -> directory(projectsDir, name).ifPresent(found::add));

        for (String cwd : cwds) {
            String sanitized = ProjectPaths.sanitize(cwd);
            if (sanitized.length() > ProjectPaths.MAX_ENCODED_LENGTH) {
                String prefix = sanitized.substring(0, ProjectPaths.MAX_ENCODED_LENGTH) + "-";
                for (Path dir : directoriesStartingWith(projectsDir, prefix)) {
                    if (!found.contains(dir) && recordsCwd(dir, cwds)) {
                        found.add(dir);
                    }
                }
            }
        }
        for (String cwd : cwds) {
            for (String name : List.of(cwd.replaceAll("[/\\\\]", "-"), cwd.replaceAll("[/\\\\.]", "-"))) {
                directory(projectsDir, name)
                        .filter(dir -> !found.contains(dir) && recordsCwd(dir, cwds))
                        .ifPresent(found::add);
            }
        }
        return List.copyOf(found);
    }

    private static Optional<Path> directory(Path projectsDir, String name) {
        try {
            Path dir = projectsDir.resolve(name);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static List<Path> directoriesStartingWith(Path projectsDir, String prefix) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(projectsDir)) {
            return dirs;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(projectsDir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(prefix) && Files.isDirectory(entry)) {
                    dirs.add(entry);
                }
            }
        } catch (IOException e) {
            return dirs;
        }
        dirs.sort(null);
        return dirs;
    }

    /** Whether some transcript in the directory was written with one of these working directories. */
    private static boolean recordsCwd(Path dir, Set<String> cwds) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (SessionIds.fromFileName(entry.getFileName().toString()) != null
                        && firstCwd(entry).filter(cwds::contains).isPresent()) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<String> firstCwd(Path transcript) {
        FileWindow head;
        try {
            head = FileWindow.readHead(transcript, HEAD_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (int[] line : head.headLines()) {
            Optional<String> cwd = cwdOf(head.head(), line[0], line[1]);
            if (cwd.isPresent()) {
                return cwd;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cwdOf(byte[] bytes, int offset, int length) {
        try {
            JsonNode record = Json.parse(bytes, offset, length);
            return Json.text(record, "cwd");
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
