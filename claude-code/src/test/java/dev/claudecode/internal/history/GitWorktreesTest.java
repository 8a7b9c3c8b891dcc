package dev.claudecode.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorktreesTest {

    @TempDir
    Path temp;

    /** Lays out what git writes for a main worktree and two linked ones (one with a relative gitdir). */
    private Path fakeRepository() throws IOException {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path admin = Files.createDirectories(repo.resolve(".git").resolve("worktrees"));
        Path feature = Files.createDirectories(temp.resolve("wt-feature"));
        Path relative = Files.createDirectories(temp.resolve("wt-rel"));
        Files.createDirectories(admin.resolve("feature"));
        Files.writeString(admin.resolve("feature").resolve("gitdir"), feature.resolve(".git") + "\n");
        Files.writeString(admin.resolve("feature").resolve("commondir"), "../..\n");
        Files.writeString(feature.resolve(".git"), "gitdir: " + admin.resolve("feature") + "\n");
        Files.createDirectories(admin.resolve("rel"));
        Files.writeString(admin.resolve("rel").resolve("gitdir"), "../../../../wt-rel/.git\n");
        Files.writeString(admin.resolve("rel").resolve("commondir"), "../..\n");
        Files.writeString(relative.resolve(".git"), "gitdir: ../repo/.git/worktrees/rel\n");
        return repo;
    }

    @Test
    void listsTheMainAndLinkedWorktreesFromAnyOfThem() throws IOException {
        Path repo = fakeRepository();
        Path sub = Files.createDirectories(repo.resolve("src").resolve("main"));
        List<Path> expected = List.of(repo.toRealPath(), temp.resolve("wt-feature").toRealPath(),
                temp.resolve("wt-rel").toRealPath());

        assertThat(GitWorktrees.roots(repo)).containsExactlyElementsOf(expected);
        assertThat(GitWorktrees.roots(sub)).containsExactlyElementsOf(expected);
        assertThat(GitWorktrees.roots(temp.resolve("wt-feature"))).containsExactlyElementsOf(expected);
        assertThat(GitWorktrees.roots(temp.resolve("wt-rel"))).containsExactlyElementsOf(expected);
    }

    @Test
    void findsNoWorktreesOutsideARepository() throws IOException {
        assertThat(GitWorktrees.roots(Files.createDirectories(temp.resolve("plain")))).isEmpty();
    }

    @Test
    void treatsASeparateGitDirAsOneWorktree() throws IOException {
        Path modules = Files.createDirectories(temp.resolve("super").resolve(".git").resolve("modules").resolve("lib"));
        Path lib = Files.createDirectories(temp.resolve("super").resolve("lib"));
        Files.writeString(lib.resolve(".git"), "gitdir: ../.git/modules/lib\n");
        Files.writeString(modules.resolve("config"), "[core]\n\tbare = false\n");

        assertThat(GitWorktrees.roots(lib)).containsExactly(lib.toRealPath());
    }

    @Test
    void honoursCoreWorktree() throws IOException {
        Path gitDir = Files.createDirectories(temp.resolve("elsewhere.git"));
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(gitDir.resolve("config"), "[core]\n\tworktree = " + work + "\n");
        Files.writeString(work.resolve(".git"), "gitdir: " + gitDir + "\n");

        assertThat(GitWorktrees.roots(work)).containsExactly(work.toRealPath());
    }

    @Test
    void agreesWithGitWorktreeList() throws Exception {
        assumeTrue(git(temp, "--version").exitCode == 0, "git is not installed");
        Path repo = Files.createDirectories(temp.resolve("real-repo"));
        assertThat(git(repo, "init", "-q").exitCode).isZero();
        assertThat(git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "init")
                .exitCode).isZero();
        assertThat(git(repo, "worktree", "add", "-q", "-b", "b1", temp.resolve("linked one").toString()).exitCode).isZero();
        assertThat(git(repo, "worktree", "add", "-q", "-b", "b2", temp.resolve("linked2").toString()).exitCode).isZero();

        List<Path> listed = new ArrayList<>();
        for (String line : git(repo, "worktree", "list", "--porcelain").output.split("\n")) {
            if (line.startsWith("worktree ")) {
                listed.add(Path.of(line.substring("worktree ".length())).toRealPath());
            }
        }
        assertThat(listed).hasSize(3);
        assertThat(GitWorktrees.roots(temp.resolve("linked2"))).containsExactlyInAnyOrderElementsOf(listed);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(-1, "");
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                return new Result(-1, output);
            }
            return new Result(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
