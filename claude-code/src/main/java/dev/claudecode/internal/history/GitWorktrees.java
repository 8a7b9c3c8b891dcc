package dev.claudecode.internal.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the worktrees of the git repository that contains a directory by reading git's own files,
 * the way {@code git worktree list} would, but through {@link Path}s, so it works where no
 * {@code git} process can run (a remote file system).
 *
 * <p>What git keeps: a main worktree has a {@code .git} directory. A linked worktree has a
 * {@code .git} file {@code gitdir: <repo>/.git/worktrees/<name>}, and that admin directory has a
 * {@code commondir} file pointing back at the shared {@code .git} and a {@code gitdir} file holding
 * the path of the worktree's {@code .git} file. So every worktree is listed under
 * {@code <common dir>/worktrees/*}{@code /gitdir}, and the main one is the common dir's parent
 * (or {@code core.worktree} in its config, for a repository whose git dir lives elsewhere).
 */
public final class GitWorktrees {

    private static final int MAX_GIT_FILE = 64 * 1024;

    private GitWorktrees() {
    }

    /**
     * Lists the worktree roots of the repository containing {@code directory}.
     *
     * @param directory an absolute directory, possibly below a worktree root
     * @return the roots, main worktree first; empty when the directory is not in a git repository
     */
    public static List<Path> roots(Path directory) {
        Optional<Path> gitDir = findGitDir(directory);
        if (gitDir.isEmpty()) {
            return List.of();
        }
        Path commonDir = readPointer(gitDir.get().resolve("commondir"))
                .map(pointer -> gitDir.get().resolve(pointer).normalize())
                .orElse(gitDir.get());
        Set<Path> roots = new LinkedHashSet<>();
        mainWorktree(commonDir, gitDir.get(), directory).ifPresent(root -> roots.add(canonical(root)));
        Path admin = commonDir.resolve("worktrees");
        if (Files.isDirectory(admin)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(admin)) {
                List<Path> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(null);
                for (Path entry : sorted) {
                    readPointer(entry.resolve("gitdir"))
                            .map(pointer -> entry.resolve(pointer).normalize())
                            .map(Path::getParent)
                            .ifPresent(root -> roots.add(canonical(root)));
                }
            } catch (IOException e) {
                // an unreadable admin directory only hides the linked worktrees
            }
        }
        return List.copyOf(roots);
    }

    private static Optional<Path> findGitDir(Path directory) {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                Path base = dir;
                return readFile(dotGit)
                        .filter(text -> text.startsWith("gitdir:"))
                        .map(text -> base.resolve(text.substring("gitdir:".length()).strip()).normalize());
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> mainWorktree(Path commonDir, Path gitDir, Path directory) {
        Optional<Path> configured = coreWorktree(commonDir).map(value -> commonDir.resolve(value).normalize());
        if (configured.isPresent()) {
            return configured;
        }
        if (commonDir.getFileName() != null && commonDir.getFileName().toString().equals(".git")) {
            return Optional.ofNullable(commonDir.getParent());
        }
        if (gitDir.equals(commonDir)) {
            // a separate git dir (submodule, --separate-git-dir): the worktree is where the .git file is
            for (Path dir = directory; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(".git"))) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    /** Reads {@code worktree = ...} from the {@code [core]} section of the repository config. */
    private static Optional<String> coreWorktree(Path commonDir) {
        Optional<String> config = readFile(commonDir.resolve("config"));
        if (config.isEmpty()) {
            return Optional.empty();
        }
        boolean inCore = false;
        for (String rawLine : config.get().split("\n")) {
            String line = rawLine.strip();
            if (line.startsWith("[")) {
                inCore = line.toLowerCase(java.util.Locale.ROOT).startsWith("[core]");
            } else if (inCore) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("worktree")) {
                    String value = line.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> readPointer(Path file) {
        return readFile(file).map(String::strip).filter(text -> !text.isEmpty() && text.indexOf('\n') < 0);
    }

    private static Optional<String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readNBytes(MAX_GIT_FILE), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path canonical(Path path) {
        return ProjectPaths.canonical(path);
    }
}
