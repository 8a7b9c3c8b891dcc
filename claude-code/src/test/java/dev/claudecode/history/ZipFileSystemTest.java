package dev.claudecode.history;

import static dev.claudecode.history.Fixtures.id;
import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History over a config directory inside a zip archive: nothing may assume the default file system. */
class ZipFileSystemTest {

    private static final String CWD = "/ws/project";

    @TempDir
    Path temp;

    @Test
    void readsSessionsFromAZipFileSystem() throws Exception {
        Path zip = temp.resolve("claude-config.zip");
        String large = Fixtures.sessionId(9);
        try (FileSystem writable = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path dir = writable.getPath("/config/projects").resolve(ProjectDirectories.encode(CWD));
            Files.createDirectories(dir);
            for (String name : List.of(Fixtures.MULTI_TURN, Fixtures.TOOL_FLOW)) {
                Files.writeString(dir.resolve(Fixtures.sessionIdOf(name) + ".jsonl"),
                        Fixtures.recordedText(name, CWD), StandardCharsets.UTF_8);
            }
            Fixtures.Transcript transcript = new Fixtures.Transcript(large, CWD)
                    .user(id(1), null, "start of a long one")
                    .assistantText(id(2), id(1), "msg_1", "w".repeat(300_000))
                    .user(id(3), id(2), "end of a long one")
                    .assistantText(id(4), id(3), "msg_2", "ok")
                    .lastPrompt("end of a long one", id(4));
            StringBuilder text = new StringBuilder();
            transcript.records().forEach(record -> text.append(dev.claudecode.internal.json.Json.write(record)).append('\n'));
            Files.writeString(dir.resolve(large + ".jsonl"), text, StandardCharsets.UTF_8);
        }

        try (FileSystem archive = FileSystems.newFileSystem(zip)) {
            History history = History.at(archive.getPath("/config"));
            Path project = archive.getPath(CWD);

            List<SessionInfo> sessions = history.listSessions(SessionListQuery.forProject(project));
            assertThat(sessions).extracting(SessionInfo::sessionId).containsExactlyInAnyOrder(
                    Fixtures.sessionIdOf(Fixtures.MULTI_TURN), Fixtures.sessionIdOf(Fixtures.TOOL_FLOW), large);
            assertThat(sessions).allSatisfy(info -> {
                assertThat(info.file().getFileSystem()).isSameAs(archive);
                assertThat(info.cwd()).contains(CWD);
            });
            SessionInfo longOne = sessions.stream().filter(s -> s.sessionId().equals(large)).findFirst().orElseThrow();
            assertThat(longOne.firstPrompt()).contains("start of a long one");
            assertThat(longOne.lastPrompt()).contains("end of a long one");

            assertThat(describe(history.messages(Fixtures.sessionIdOf(Fixtures.MULTI_TURN), HistoryQuery.of(Page.first(2)))))
                    .containsExactly("user: My name is Ada.", "assistant: Nice to meet you, Ada.");
            assertThat(describe(History.messages(archive.getPath("/config"), large, project, 0, 2)))
                    .containsExactly("user: end of a long one", "assistant: ok");
            assertThat(history.findSessionFile(Fixtures.sessionIdOf(Fixtures.TOOL_FLOW), project))
                    .hasValueSatisfying(file -> assertThat(file.getFileSystem()).isSameAs(archive));
        }
    }
}
