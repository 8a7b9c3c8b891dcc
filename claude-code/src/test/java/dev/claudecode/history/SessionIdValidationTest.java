package dev.claudecode.history;

import dev.claudecode.errors.InvalidSessionIdException;
import dev.claudecode.errors.SessionNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionIdValidationTest {

    private static final List<String> BAD_IDS = List.of(
            "../../etc/passwd",
            "..",
            "../" + Fixtures.sessionId(1),
            Fixtures.sessionId(1) + "/../../secret",
            "a/b",
            "a\\b",
            "abc\u0000def",
            Fixtures.sessionId(1) + "\u0000",
            Fixtures.sessionId(1) + "\n",
            Fixtures.sessionId(1) + ".jsonl",
            "",
            "not-a-uuid",
            "c:secret",
            "5e551000-0000-4000-8000-00000000000g");

    @TempDir
    Path temp;

    private History history;
    private Path project;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(temp.resolve("project"));
        history = History.at(temp.resolve("config"));
        // a file the traversal ids would reach if they were used as paths
        Fixtures.write(temp.resolve("config").resolve("secret.jsonl"), "{\"type\":\"user\"}\n");
    }

    @Test
    void rejectsIdsThatAreNotUuidsEverywhere() {
        List<Consumer<String>> calls = List.of(
                history::messages,
                id -> history.messages(id, HistoryQuery.all()),
                id -> history.messages(id, project, HistoryQuery.all()),
                id -> History.messages(temp.resolve("config"), id, project, 0, 0),
                history::findSessionFile,
                id -> history.findSessionFile(id, project),
                history::sessionInfo,
                id -> history.sessionInfo(id, project));
        for (String id : BAD_IDS) {
            for (Consumer<String> call : calls) {
                assertThatThrownBy(() -> call.accept(id)).as(id)
                        .isInstanceOf(InvalidSessionIdException.class)
                        .isInstanceOf(dev.claudecode.errors.ClaudeCodeException.class)
                        .satisfies(e -> assertThat(((InvalidSessionIdException) e).sessionId()).isEqualTo(id));
            }
        }
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> history.messages(null)).isInstanceOf(InvalidSessionIdException.class)
                .hasMessageContaining("null");
    }

    @Test
    void escapesControlCharactersInTheMessage() {
        assertThatThrownBy(() -> history.messages("a\u0000b\nc"))
                .hasMessageContaining("a\\u0000b\\u000ac")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void acceptsUuidsInEitherCase() {
        assertThatThrownBy(() -> history.messages("5E551000-0000-4000-8000-0000000000AB"))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void listingSkipsFilesWhoseNameIsNotASessionId() {
        Path dir = ProjectDirectories.directoryFor(temp.resolve("config"), project);
        Fixtures.write(dir.resolve("notes.jsonl"), "{\"type\":\"user\",\"uuid\":\"x\"}\n");
        Fixtures.write(dir.resolve("agent-a1b2c3.jsonl"), "{\"type\":\"user\",\"uuid\":\"x\"}\n");
        new Fixtures.Transcript(Fixtures.sessionId(1), project.toString()).user(Fixtures.id(1), null, "hi")
                .writeTo(dir.resolve(Fixtures.sessionId(1) + ".jsonl"));

        assertThat(history.listSessions(SessionListQuery.forProject(project)))
                .extracting(SessionInfo::sessionId).containsExactly(Fixtures.sessionId(1));
    }
}
