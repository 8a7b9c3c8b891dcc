package dev.claudecode.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorktreeListingTest {

    @TempDir
    Path temp;

    @Test
    void addsTheSessionsOfTheRepositorysOtherWorktrees() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path admin = Files.createDirectories(repo.resolve(".git").resolve("worktrees").resolve("feature"));
        Path feature = Files.createDirectories(temp.resolve("feature"));
        Files.writeString(admin.resolve("gitdir"), feature.resolve(".git").toString());
        Files.writeString(admin.resolve("commondir"), "../..");
        Files.writeString(feature.resolve(".git"), "gitdir: " + admin);
        Path config = temp.resolve("config");
        Path mainSession = session(config, repo.toRealPath(), 1);
        Path featureSession = session(config, feature.toRealPath(), 2);
        session(config, temp.resolve("unrelated"), 3);

        History history = History.at(config);

        assertThat(history.listSessions(SessionListQuery.forProject(repo)))
                .extracting(SessionInfo::file).containsExactlyInAnyOrder(mainSession, featureSession);
        assertThat(history.listSessions(SessionListQuery.builder().projectPath(repo).includeWorktrees(false).build()))
                .extracting(SessionInfo::file).containsExactly(mainSession);
        assertThat(history.listSessions(SessionListQuery.forProject(feature)))
                .extracting(SessionInfo::projectPath)
                .containsExactlyInAnyOrder(java.util.Optional.of(repo.toRealPath()), java.util.Optional.of(feature.toRealPath()));
        assertThat(history.messages(Fixtures.sessionId(2), repo, HistoryQuery.all())).hasSize(1);
    }

    private static Path session(Path config, Path cwd, int n) {
        Path file = ProjectDirectories.directoryFor(config, cwd).resolve(Fixtures.sessionId(n) + ".jsonl");
        return new Fixtures.Transcript(Fixtures.sessionId(n), cwd.toString())
                .user(Fixtures.id(1), null, "prompt " + n)
                .writeTo(file);
    }
}
