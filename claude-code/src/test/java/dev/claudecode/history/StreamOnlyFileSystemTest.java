package dev.claudecode.history;

import static dev.claudecode.history.Fixtures.id;
import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.history.fs.CountingFileSystem;
import dev.claudecode.history.fs.CountingFileSystemProvider;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a file system that can neither seek nor skip, history falls back to reading through. */
class StreamOnlyFileSystemTest {

    @TempDir
    Path temp;

    @Test
    void listsAndReadsWithoutSeeking() throws Exception {
        Path project = Files.createDirectories(temp.resolve("project")).toRealPath();
        Path config = temp.resolve("config");
        String sessionId = Fixtures.sessionId(1);
        new Fixtures.Transcript(sessionId, project.toString())
                .user(id(1), null, "start")
                .assistantText(id(2), id(1), "msg_1", "v".repeat(400_000))
                .user(id(3), id(2), "finish")
                .assistantText(id(4), id(3), "msg_2", "done")
                .lastPrompt("finish", id(4))
                .writeTo(ProjectDirectories.directoryFor(config, project).resolve(sessionId + ".jsonl"));
        CountingFileSystem streamOnly = CountingFileSystemProvider.wrapStreamOnly(FileSystems.getDefault());
        History history = History.at(streamOnly.getPath(config.toString()));
        Path wrappedProject = streamOnly.getPath(project.toString());

        List<SessionInfo> sessions = history.listSessions(SessionListQuery.forProject(wrappedProject));

        assertThat(sessions).singleElement().satisfies(info -> {
            assertThat(info.firstPrompt()).contains("start");
            assertThat(info.lastPrompt()).contains("finish");
            assertThat(info.file().getFileSystem()).isSameAs(streamOnly);
        });
        assertThat(describe(history.messages(sessionId, wrappedProject, HistoryQuery.of(Page.first(2).offset(2)))))
                .containsExactly("user: finish", "assistant: done");
    }
}
