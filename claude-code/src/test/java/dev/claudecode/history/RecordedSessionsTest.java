package dev.claudecode.history;

import dev.claudecode.errors.SessionNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** History over the transcripts the real CLI 2.1.197 wrote (protocol/2.1.197/session-files). */
class RecordedSessionsTest {

    @TempDir
    Path temp;

    private Path config;
    private Path project;
    private History history;
    private final Map<String, Path> files = new HashMap<>();

    @BeforeEach
    void installRecordings() throws Exception {
        config = temp.resolve("config");
        project = Files.createDirectories(temp.resolve("ws").resolve("project")).toRealPath();
        Instant modified = Instant.parse("2026-11-24T16:00:00Z");
        for (String name : Fixtures.RECORDED) {
            Path file = Fixtures.installRecorded(config, name, project);
            // later in RECORDED = more recently modified
            modified = modified.plusSeconds(60);
            Fixtures.touch(file, modified);
            files.put(name, file);
        }
        history = History.at(config);
    }

    @Test
    void rebuildsAMultiTurnConversation() {
        List<SessionMessage> messages = history.messages(Fixtures.sessionIdOf(Fixtures.MULTI_TURN));

        assertThat(describe(messages)).containsExactly(
                "user: My name is Ada.",
                "assistant: Nice to meet you, Ada.",
                "user: What is my name?",
                "assistant: Your name is Ada.",
                "user: Say my name again.",
                "assistant: Still Ada.");
        assertThat(messages.getFirst().parentUuid()).isEmpty();
        assertThat(messages.getFirst().uuid()).startsWith("4e5efd82");
        for (SessionMessage message : messages) {
            assertThat(message.sessionId()).isEqualTo(Fixtures.sessionIdOf(Fixtures.MULTI_TURN));
            assertThat(message.timestamp()).isPresent();
            assertThat(message.isSidechain()).isFalse();
        }
        assertThat(messages.get(1).message()).containsEntry("role", "assistant").containsEntry("model", "claude-opus-4-8")
                .containsEntry("stop_sequence", null);
        assertThat(messages.get(2).parentUuid()).contains(messages.get(1).uuid());
    }

    @Test
    void followsTheParentChainThroughAttachments() {
        List<SessionMessage> messages = history.messages(Fixtures.sessionIdOf(Fixtures.MULTI_TURN));
        // the first reply hangs off the skill_listing attachment, which hangs off the prompt
        assertThat(messages.get(1).parentUuid()).hasValueSatisfying(parent -> assertThat(parent).startsWith("1e9ddf8e"));
    }

    @Test
    void readsAForkedAndContinuedSession() {
        assertThat(describe(history.messages(Fixtures.sessionIdOf(Fixtures.MULTI_TURN_FORK)))).containsExactly(
                "user: My name is Ada.",
                "assistant: Nice to meet you, Ada.",
                "user: What is my name?",
                "assistant: Your name is Ada.",
                "user: Say my name again.",
                "assistant: Still Ada.",
                "user: Are we in a fork?",
                "assistant: Forked: still Ada.",
                "user: Continue please.",
                "assistant: Continued.");
    }

    @Test
    void keepsToolCallsAndResultsAsBlocks() {
        List<SessionMessage> messages = history.messages(Fixtures.sessionIdOf(Fixtures.TOOL_FLOW));

        assertThat(describe(messages)).containsExactly(
                "user: run echo hooked",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: Done.");
        @SuppressWarnings("unchecked")
        Map<String, Object> toolUse = (Map<String, Object>) ((List<Object>) messages.get(1).message().get("content")).getFirst();
        assertThat(toolUse).containsEntry("name", "Bash");
        assertThat(messages.get(1).text()).isEmpty();
    }

    @Test
    void skipsMetaRecordsAndFollowsTheBranchTheStopHookSummaryTook() {
        String sessionId = Fixtures.sessionIdOf(Fixtures.HOOK_STOP);

        // The CLI hung the stop-hook summary off the hook_blocking_error attachment, not off the
        // "Goodbye." reply written before it, so that reply is on a dead branch: the conversation
        // the CLI would resume does not contain it.
        assertThat(describe(history.messages(sessionId))).containsExactly(
                "user: hello",
                "assistant: Hello.",
                "user: please halt now",
                "user: Operation stopped by hook: UserPromptSubmit hook halted the turn");
        List<SessionMessage> withMeta = history.messages(sessionId, HistoryQuery.builder().includeMeta(true).build());
        assertThat(describe(withMeta)).containsExactly(
                "user: hello",
                "assistant: Hello.",
                "user: Stop hook feedback:",
                "user: please halt now",
                "user: Operation stopped by hook: UserPromptSubmit hook halted the turn");
        assertThat(withMeta.get(2).isMeta()).isTrue();
    }

    @Test
    void keepsSlashCommandRecordsButNotTheirCaveats() {
        List<String> messages = describe(history.messages(Fixtures.sessionIdOf(Fixtures.CONTROL)));

        assertThat(messages).hasSize(12).startsWith("user: hello", "assistant: 8").endsWith("user: think a bit", "assistant: 8");
        assertThat(messages).filteredOn(m -> m.contains("local-command-caveat")).isEmpty();
        assertThat(messages).filteredOn(m -> m.startsWith("user: <command-name>/model")).hasSize(3);
    }

    @Test
    void ignoresFileHistorySnapshotsOfARewindSession() {
        List<SessionMessage> messages = history.messages(Fixtures.sessionIdOf(Fixtures.REWIND));

        assertThat(describe(messages)).containsExactly(
                "user: create a.txt",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: Created a.txt",
                "user: edit a.txt and create b.txt",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: Edited a.txt, created b.txt");
        // the SDK chose these prompt uuids; rewind_files takes them
        assertThat(messages.get(0).uuid()).isEqualTo("aaaaaaaa-0000-4000-8000-000000000001");
        assertThat(messages.get(4).uuid()).isEqualTo("aaaaaaaa-0000-4000-8000-000000000002");
    }

    @Test
    void readsASessionKilledMidTurn() {
        assertThat(describe(history.messages(Fixtures.sessionIdOf(Fixtures.SIGKILL))))
                .containsExactly("user: write a long answer");
    }

    @Test
    void readsTheHugeToolResultSession() {
        assertThat(describe(history.messages(Fixtures.sessionIdOf(Fixtures.HUGE_TOOL_RESULTS)))).containsExactly(
                "user: produce big tool outputs",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: [tool_use]",
                "user: [tool_result]",
                "assistant: Done with big outputs.");
    }

    @Test
    void endsAtTheLeafTheCliNoted() throws Exception {
        for (String name : Fixtures.RECORDED) {
            String leaf = null;
            Map<String, String> typeByUuid = new HashMap<>();
            for (String line : Files.readAllLines(files.get(name))) {
                JsonNode record = Json.parse(line);
                Json.text(record, "uuid").ifPresent(uuid -> typeByUuid.put(uuid, Json.text(record, "type", "")));
                if ("last-prompt".equals(Json.text(record, "type", ""))) {
                    leaf = Json.text(record, "leafUuid", null);
                }
            }
            List<SessionMessage> messages = history.messages(Fixtures.sessionIdOf(name));
            if (leaf != null && "assistant".equals(typeByUuid.get(leaf))) {
                assertThat(messages.getLast().uuid()).as(name).isEqualTo(leaf);
            }
        }
    }

    @Test
    void pagesWithLimitAndOffset() {
        String sessionId = Fixtures.sessionIdOf(Fixtures.MULTI_TURN);

        assertThat(describe(history.messages(sessionId, HistoryQuery.of(Page.first(2).offset(2)))))
                .containsExactly("user: What is my name?", "assistant: Your name is Ada.");
        assertThat(describe(history.messages(sessionId, HistoryQuery.of(Page.all().offset(5)))))
                .containsExactly("assistant: Still Ada.");
        assertThat(history.messages(sessionId, HistoryQuery.of(Page.first(3).offset(6)))).isEmpty();
        assertThat(describe(History.messages(config, sessionId, project, 1, 1)))
                .containsExactly("assistant: Nice to meet you, Ada.");
        assertThat(History.messages(config, sessionId, project, 0, 0)).hasSize(6);
    }

    @Test
    void findsSessionsThroughTheProjectPath() {
        String sessionId = Fixtures.sessionIdOf(Fixtures.TOOL_FLOW);

        assertThat(history.messages(sessionId, project, HistoryQuery.all())).hasSize(4);
        assertThat(history.findSessionFile(sessionId, project)).contains(files.get(Fixtures.TOOL_FLOW));
        assertThat(history.findSessionFile(sessionId)).contains(files.get(Fixtures.TOOL_FLOW));
        assertThatThrownBy(() -> history.messages(sessionId, temp.resolve("elsewhere"), HistoryQuery.all()))
                .isInstanceOf(SessionNotFoundException.class)
                .hasMessageContaining(sessionId);
    }

    @Test
    void reportsUnknownSessions() {
        String unknown = "11111111-2222-4333-8444-555555555555";

        assertThatThrownBy(() -> history.messages(unknown))
                .isInstanceOf(SessionNotFoundException.class)
                .satisfies(e -> assertThat(((SessionNotFoundException) e).sessionId()).isEqualTo(unknown));
        assertThat(history.findSessionFile(unknown)).isEmpty();
        assertThat(history.sessionInfo(unknown)).isEmpty();
    }

    @Test
    void listsTheProjectsSessionsNewestFirst() {
        List<SessionInfo> sessions = history.listSessions(SessionListQuery.forProject(project));

        List<String> expectedOrder = new ArrayList<>(Fixtures.RECORDED.stream().map(Fixtures::sessionIdOf).toList());
        java.util.Collections.reverse(expectedOrder);
        assertThat(sessions).extracting(SessionInfo::sessionId).containsExactlyElementsOf(expectedOrder);
        for (SessionInfo session : sessions) {
            assertThat(session.projectPath()).contains(project);
            assertThat(session.cwd()).contains(project.toString());
            assertThat(session.projectDirectory()).isEqualTo(ProjectDirectories.directoryFor(config, project));
            assertThat(session.messageCount()).as(session.sessionId())
                    .hasValue(history.messages(session.sessionId()).size());
            assertThat(session.gitBranch()).contains("HEAD");
            assertThat(session.entrypoint()).contains("sdk-ts");
        }
    }

    @Test
    void summarizesEachRecordedSession() throws Exception {
        Map<String, SessionInfo> byId = history.listSessions().stream()
                .collect(Collectors.toMap(SessionInfo::sessionId, s -> s));

        SessionInfo multiTurn = byId.get(Fixtures.sessionIdOf(Fixtures.MULTI_TURN));
        assertThat(multiTurn.title()).contains("Probe session title");
        assertThat(multiTurn.firstPrompt()).contains("My name is Ada.");
        assertThat(multiTurn.lastPrompt()).contains("Say my name again.");
        assertThat(multiTurn.summary()).isEqualTo("Probe session title");
        assertThat(multiTurn.created()).contains(firstTimestamp(files.get(Fixtures.MULTI_TURN)));
        assertThat(multiTurn.fileSize()).isEqualTo(Files.size(files.get(Fixtures.MULTI_TURN)));
        assertThat(multiTurn.file()).isEqualTo(files.get(Fixtures.MULTI_TURN));
        assertThat(multiTurn.projectPath()).isEmpty();

        SessionInfo killed = byId.get(Fixtures.sessionIdOf(Fixtures.SIGKILL));
        assertThat(killed.lastPrompt()).isEmpty();
        assertThat(killed.firstPrompt()).contains("write a long answer");
        assertThat(killed.messageCount()).hasValue(1);

        SessionInfo control = byId.get(Fixtures.sessionIdOf(Fixtures.CONTROL));
        assertThat(control.firstPrompt()).contains("hello");
        assertThat(control.lastPrompt()).contains("think a bit");

        SessionInfo hookStop = byId.get(Fixtures.sessionIdOf(Fixtures.HOOK_STOP));
        assertThat(hookStop.title()).contains("Probe session title");
        assertThat(hookStop.lastPrompt()).contains("please halt now");
        assertThat(hookStop.modified()).isEqualTo(Files.getLastModifiedTime(files.get(Fixtures.HOOK_STOP)).toInstant());
    }

    @Test
    void describesOneSession() {
        String sessionId = Fixtures.sessionIdOf(Fixtures.REWIND);

        assertThat(history.sessionInfo(sessionId)).hasValueSatisfying(info -> {
            assertThat(info.firstPrompt()).contains("create a.txt");
            assertThat(info.lastPrompt()).contains("edit a.txt and create b.txt");
            assertThat(info.messageCount()).hasValue(10);
            assertThat(info.projectPath()).isEmpty();
        });
        assertThat(history.sessionInfo(sessionId, project)).hasValueSatisfying(
                info -> assertThat(info.projectPath()).contains(project));
    }

    @Test
    void staticListingFormMatchesTheQueryForm() {
        assertThat(History.listSessions(config, project, 3, false)).extracting(SessionInfo::sessionId)
                .containsExactlyElementsOf(history.listSessions(SessionListQuery.forProject(project)).stream()
                        .limit(3).map(SessionInfo::sessionId).toList());
        assertThat(History.listSessions(config, project, 0, true)).hasSize(Fixtures.RECORDED.size());
        assertThat(history.listSessions(SessionListQuery.builder().projectPath(project).page(Page.first(2).offset(7)).build()))
                .extracting(SessionInfo::sessionId)
                .containsExactly(Fixtures.sessionIdOf(Fixtures.RECORDED.getFirst()));
    }

    @Test
    void readsATranscriptFileDirectly() {
        Path copy = Fixtures.write(temp.resolve("elsewhere").resolve("copy.jsonl"),
                Fixtures.recordedText(Fixtures.TOOL_FLOW, "/w"));

        assertThat(describe(History.readTranscript(copy, HistoryQuery.of(Page.first(1))))).containsExactly("user: run echo hooked");
        assertThatThrownBy(() -> History.readTranscript(temp.resolve("missing.jsonl"), HistoryQuery.all()))
                .isInstanceOf(SessionNotFoundException.class);
    }

    private static Instant firstTimestamp(Path file) throws Exception {
        for (String line : Files.readAllLines(file)) {
            var timestamp = Json.text(Json.parse(line), "timestamp");
            if (timestamp.isPresent()) {
                return Instant.parse(timestamp.get());
            }
        }
        throw new AssertionError("no timestamp in " + file);
    }

    /** {@code "<type>: <first line of text>"}, or the block types when there is no text. */
    static List<String> describe(List<SessionMessage> messages) {
        List<String> described = new ArrayList<>();
        for (SessionMessage message : messages) {
            String text = message.text();
            if (text.isEmpty()) {
                Object content = message.message().get("content");
                List<String> types = new ArrayList<>();
                if (content instanceof List<?> blocks) {
                    for (Object block : blocks) {
                        types.add(String.valueOf(((Map<?, ?>) block).get("type")));
                    }
                }
                described.add(message.type() + ": " + types);
            } else {
                described.add(message.type() + ": " + text.lines().findFirst().orElse(""));
            }
        }
        return described;
    }
}
