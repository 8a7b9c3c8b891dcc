package dev.claudecode.history;

import static dev.claudecode.history.RecordedSessionsTest.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.errors.InvalidSessionIdException;
import dev.claudecode.errors.SessionNotFoundException;
import dev.claudecode.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Renaming, tagging, archiving, forking and deleting saved sessions, and reading their subagents. */
class SavedSessionEditsTest {

    @TempDir
    Path temp;

    private Path config;
    private Path project;
    private History history;
    private String sessionId;
    private Path transcript;

    @BeforeEach
    void install() throws IOException {
        config = temp.resolve("config");
        project = Files.createDirectories(temp.resolve("project"));
        transcript = Fixtures.installRecorded(config, Fixtures.MULTI_TURN, project);
        sessionId = Fixtures.sessionIdOf(Fixtures.MULTI_TURN);
        history = History.at(config);
    }

    @Test
    void renameAppendsACustomTitleThatTheListingShows() throws IOException {
        long before = Files.size(transcript);
        history.renameSession(sessionId, "  Ada's session  ");

        assertThat(history.sessionInfo(sessionId).orElseThrow().title()).contains("Ada's session");
        JsonNode last = lastRecord(transcript);
        assertThat(Json.text(last, "type", "")).isEqualTo("custom-title");
        assertThat(Json.text(last, "customTitle", "")).isEqualTo("Ada's session");
        assertThat(Json.text(last, "sessionId", "")).isEqualTo(sessionId);
        assertThat(Files.size(transcript)).isGreaterThan(before);
        // the conversation is unchanged
        assertThat(describe(history.messages(sessionId))).hasSize(6);
    }

    @Test
    void aTagIsSetReplacedAndCleared() {
        assertThat(history.sessionInfo(sessionId).orElseThrow().tag()).isEmpty();
        history.tagSession(sessionId, "review");
        assertThat(history.sessionInfo(sessionId).orElseThrow().tag()).contains("review");
        history.tagSession(sessionId, "done");
        assertThat(history.sessionInfo(sessionId).orElseThrow().tag()).contains("done");
        history.untagSession(sessionId);
        assertThat(history.sessionInfo(sessionId).orElseThrow().tag()).isEmpty();
        assertThat(history.listSessions(SessionListQuery.forProject(project))).singleElement()
                .satisfies(info -> assertThat(info.tag()).isEmpty());
    }

    @Test
    void archivingMarksTheSessionBesideItsTranscript() throws IOException {
        history.archiveSession(sessionId);
        assertThat(history.sessionInfo(sessionId).orElseThrow().archived()).isTrue();
        assertThat(history.listSessions(SessionListQuery.forProject(project))).singleElement()
                .satisfies(info -> assertThat(info.archived()).isTrue());
        Path mark = transcript.resolveSibling(sessionId).resolve("archived.json");
        assertThat(Json.bool(Json.parse(Files.readString(mark)), "archived", false)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mark))).isEqualTo("rw-------");

        history.unarchiveSession(sessionId);
        assertThat(history.sessionInfo(sessionId).orElseThrow().archived()).isFalse();
    }

    @Test
    void aForkCopiesTheConversationWithFreshUuidsUpToAMessage() throws IOException {
        List<SessionMessage> original = history.messages(sessionId);
        String upTo = original.get(3).uuid(); // "assistant: Your name is Ada."

        String forked = history.forkSession(sessionId, SessionFork.upTo(upTo).titled("Branch"));

        assertThat(forked).isNotEqualTo(sessionId);
        List<SessionMessage> copy = history.messages(forked);
        assertThat(describe(copy)).containsExactly("user: My name is Ada.", "assistant: Nice to meet you, Ada.",
                "user: What is my name?", "assistant: Your name is Ada.");
        Set<String> oldUuids = new HashSet<>();
        original.forEach(message -> oldUuids.add(message.uuid()));
        assertThat(copy).allSatisfy(message -> {
            assertThat(message.sessionId()).isEqualTo(forked);
            assertThat(oldUuids).doesNotContain(message.uuid());
        });
        assertThat(copy.get(2).parentUuid()).isPresent();
        SessionInfo info = history.sessionInfo(forked).orElseThrow();
        assertThat(info.title()).contains("Branch");
        assertThat(info.projectDirectory()).isEqualTo(transcript.getParent());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(info.file()))).isEqualTo("rw-------");
        // the original is untouched
        assertThat(describe(history.messages(sessionId))).hasSize(6);
    }

    @Test
    void aWholeForkIsTitledAfterTheOriginal() {
        history.renameSession(sessionId, "Ada");
        String forked = history.forkSession(sessionId, SessionFork.whole());
        assertThat(history.sessionInfo(forked).orElseThrow().title()).contains("Ada (fork)");
        assertThat(describe(history.messages(forked))).isEqualTo(describe(history.messages(sessionId)));
        assertThatThrownBy(() -> history.forkSession(sessionId, SessionFork.upTo("no-such-uuid")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-uuid");
    }

    @Test
    void deleteRemovesTheTranscriptAndItsDirectory() throws IOException {
        Path subagents = Files.createDirectories(transcript.resolveSibling(sessionId).resolve("subagents"));
        Files.writeString(subagents.resolve("agent-a1.jsonl"), "{}\n");
        history.archiveSession(sessionId);

        history.deleteSession(sessionId);

        assertThat(transcript).doesNotExist();
        assertThat(transcript.resolveSibling(sessionId)).doesNotExist();
        assertThat(history.sessionInfo(sessionId)).isEmpty();
        assertThatThrownBy(() -> history.deleteSession(sessionId)).isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void subagentsAreListedAndReadFromTheirTranscripts() throws IOException {
        Path subagents = Files.createDirectories(transcript.resolveSibling(sessionId).resolve("subagents"));
        Fixtures.writeRecords(subagents.resolve("agent-b2.jsonl"), List.of(
                Map.of("type", "user", "uuid", Fixtures.id(1), "sessionId", sessionId, "isSidechain", true, "agentId", "b2",
                        "message", Map.of("role", "user", "content", "Find the bug")),
                Map.of("type", "assistant", "uuid", Fixtures.id(2), "parentUuid", Fixtures.id(1), "sessionId", sessionId,
                        "isSidechain", true, "agentId", "b2",
                        "message", Map.of("role", "assistant", "content", List.of(Map.of("type", "text", "text", "Found it"))))));
        Files.writeString(subagents.resolve("agent-a1.jsonl"), "");
        Files.writeString(subagents.resolve("notes.txt"), "not a transcript");

        assertThat(history.listSubagents(sessionId)).containsExactly("a1", "b2");
        assertThat(describe(history.subagentMessages(sessionId, "b2", HistoryQuery.all())))
                .containsExactly("user: Find the bug", "assistant: Found it");
        assertThat(history.subagentMessages(sessionId, "zz", HistoryQuery.all())).isEmpty();
        assertThatThrownBy(() -> history.subagentMessages(sessionId, "../../etc/passwd", HistoryQuery.all()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void editsCheckTheirInputs() {
        assertThatThrownBy(() -> history.renameSession("../x", "t")).isInstanceOf(InvalidSessionIdException.class);
        assertThatThrownBy(() -> history.renameSession(sessionId, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.tagSession(sessionId, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> history.archiveSession(Fixtures.sessionId(99))).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> history.listSubagents(Fixtures.sessionId(99))).isInstanceOf(SessionNotFoundException.class);
    }

    private static JsonNode lastRecord(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return Json.parse(lines.getLast());
    }
}
