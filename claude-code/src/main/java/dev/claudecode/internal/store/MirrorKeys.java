package dev.claudecode.internal.store;

import dev.claudecode.internal.history.SessionIds;
import dev.claudecode.store.SessionKey;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names the transcript a mirrored file is: {@code <config>/projects/<projectKey>/<sessionId>.jsonl}
 * is a session's main transcript, {@code <config>/projects/<projectKey>/<sessionId>/<subpath>.jsonl}
 * (at least two names below the session) one of its subagent transcripts. Files elsewhere, or
 * whose names are not valid keys, have no key; nor has a file whose session id is not a UUID,
 * the only ids a CLI makes: the file path comes from the CLI, local or remote, and the key it
 * becomes names files when the session is written back to disk to resume it.
 */
final class MirrorKeys {

    private static final String SUFFIX = ".jsonl";

    private final FileSystem fileSystem;
    private final List<Path> projectsDirs = new ArrayList<>();
    private final Optional<String> projectKey;

    /**
     * @param configDir the CLI's config directory, on the file system of the machine it runs on
     */
    MirrorKeys(Path configDir) {
        this(configDir, Optional.empty());
    }

    /**
     * @param configDir the CLI's config directory, on the file system of the machine it runs on
     * @param projectKey the project key to store under instead of the project directory's name
     */
    MirrorKeys(Path configDir, Optional<String> projectKey) {
        this.projectKey = projectKey;
        this.fileSystem = configDir.getFileSystem();
        Path projects = configDir.toAbsolutePath().normalize().resolve("projects");
        projectsDirs.add(projects);
        try {
            Path real = configDir.toRealPath().resolve("projects");
            if (!real.equals(projects)) {
                projectsDirs.add(real); // the CLI may name the file by the directory's real path
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not there (yet) or not resolvable: the path as given is all there is
        }
    }

    /**
     * @param filePath the file the CLI wrote to, as its frame names it
     * @return its key, when it is a transcript under the config directory
     */
    Optional<SessionKey> keyOf(String filePath) {
        Path file;
        try {
            file = fileSystem.getPath(filePath).normalize();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        for (Path projects : projectsDirs) {
            if (file.startsWith(projects) && !file.equals(projects)) {
                return keyOf(projects.relativize(file));
            }
        }
        return Optional.empty();
    }

    private Optional<SessionKey> keyOf(Path relative) {
        int names = relative.getNameCount();
        String last = relative.getFileName().toString();
        if (!last.endsWith(SUFFIX) || (names != 2 && names < 4)) {
            return Optional.empty();
        }
        String projectKey = this.projectKey.orElse(relative.getName(0).toString());
        String sessionId = names == 2 ? last.substring(0, last.length() - SUFFIX.length()) : relative.getName(1).toString();
        if (!SessionIds.isValid(sessionId)) {
            return Optional.empty();
        }
        try {
            if (names == 2) {
                return Optional.of(SessionKey.of(projectKey, last.substring(0, last.length() - SUFFIX.length())));
            }
            List<String> subpath = new ArrayList<>();
            for (int i = 2; i < names; i++) {
                subpath.add(relative.getName(i).toString());
            }
            String joined = String.join("/", subpath);
            return Optional.of(SessionKey.of(projectKey, relative.getName(1).toString(), joined.substring(0, joined.length() - SUFFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
