package dev.claudecode;

import dev.claudecode.control.BinaryVersion;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.ControlException;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.Health;
import dev.claudecode.control.RewindResult;
import dev.claudecode.control.ServerInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.OptionsLauncher;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.message.Message;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskStartedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sessions driven against recorded transcripts: every line the SDK writes must equal the
 * recorded one (apart from request ids), and the recorded answers must decode to the documented
 * results. Each test replays the transcript of every recorded CLI version.
 */
class SessionReplayTest {

    private static final ClaudeCodeOptions OPTIONS = ClaudeCodeOptions.builder().controlTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void stopTaskOnABackgroundTask53(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "53_stop_task.jsonl");
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(OPTIONS, replay)) {
            session.addListener(seen::add);
            session.query("start a background sleep");
            // listeners run on a thread of their own: the turn's result can come back before they have seen its messages
            String taskId = taskStarted(seen).orElseThrow();

            session.control().stopTask(taskId);
            session.control().stopTask(taskId);
        }
        replay.assertFullyReplayed();
        assertThat(seen).filteredOn(TaskNotificationMessage.class::isInstance)
                .singleElement().satisfies(m -> assertThat(((TaskNotificationMessage) m).status()).isEqualTo("stopped"));
    }

    private static Optional<String> taskStarted(List<Message> seen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Optional<String> taskId;
            synchronized (seen) {
                taskId = seen.stream().filter(TaskStartedMessage.class::isInstance).map(m -> ((TaskStartedMessage) m).taskId()).findFirst();
            }
            if (taskId.isPresent() || System.nanoTime() > deadline) {
                return taskId;
            }
            Thread.sleep(5);
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void extraSubtypes54(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "54_control_extra_subtypes.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS, replay)) {
            session.query("hello");
            EffectiveSettings before = session.control().effectiveSettings();
            session.control().applyFlagSettings(Map.of("model", "haiku"));
            EffectiveSettings after = session.control().effectiveSettings();
            session.control().renameSession("Renamed by SDK");
            Map<String, Object> cost = session.control().request("get_session_cost", Map.of());
            session.control().request("get_usage", Map.of());
            BinaryVersion binary = session.control().binaryVersion();
            session.control().request("reload_plugins", Map.of());
            session.control().request("reload_skills", Map.of());
            session.control().request("file_suggestions", Map.of("query", "hel"));
            Map<String, Object> file = session.control().request("read_file", Map.of("path", "hello.txt"));
            session.control().request("cancel_async_message", Map.of("message_uuid", recordedRequest(version, "54_control_extra_subtypes.jsonl",
                    "cancel_async_message").path("message_uuid").asString()));
            session.control().request("seed_read_state", Map.of("path", "hello.txt", "mtime", 0));
            Map<String, Object> tasks = session.control().request("background_tasks", Map.of());

            assertThatThrownBy(() -> session.control().request("set_color", Map.of("color", "blue")))
                    .isInstanceOf(ControlException.class)
                    .hasMessageContaining("Unsupported control request subtype: set_color")
                    .satisfies(e -> assertThat(((ControlException) e).subtype()).isEqualTo("set_color"));
            assertThat(before.applied()).containsEntry("model",
                    version.equals(ProtocolRecordings.V2_1_197) ? "claude-opus-4-8[1m]" : "claude-opus-5-5");
            assertThat(after.effective()).containsEntry("model", "haiku");
            // 2.1.332 words its cost report as an estimate
            assertThat((String) cost.get("text")).startsWith(version.equals(ProtocolRecordings.V2_1_197) ? "Total cost:" : "Estimated cost:");
            assertThat(binary.version()).isEqualTo(version);
            assertThat(file).containsEntry("contents", "hello file\n");
            assertThat(tasks).isEmpty();
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void thinkingBudgetAndModel57(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "57_max_thinking_tokens_effect.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder().model("haiku").build(), replay)) {
            session.control().setMaxThinkingTokens(OptionalInt.empty());
            session.query("turn with max_thinking_tokens=None");
            session.control().setMaxThinkingTokens(OptionalInt.of(2048));
            session.query("turn with max_thinking_tokens=2048");
            session.control().setMaxThinkingTokens(OptionalInt.of(0));
            session.query("turn with max_thinking_tokens=0");
            session.control().setMaxThinkingTokens(OptionalInt.empty());
            session.query("turn with max_thinking_tokens=None");
            session.control().setModel("opus");
            session.control().setMaxThinkingTokens(OptionalInt.of(2048));
            session.query("opus turn with max_thinking_tokens=2048");
            session.control().setMaxThinkingTokens(OptionalInt.of(0));
            session.query("opus turn with max_thinking_tokens=0");
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void rewindFilesWithCheckpointing60(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "60_rewind_files.jsonl");
        String first = "aaaaaaaa-0000-4000-8000-000000000001";
        String second = "aaaaaaaa-0000-4000-8000-000000000002";
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder().enableFileCheckpointing(true).build(), replay)) {
            session.stream(UserInput.text("create a.txt").withUuid(first)).result();
            session.stream(UserInput.text("edit a.txt and create b.txt").withUuid(second)).result();

            RewindResult dryRun = session.control().rewindFiles(second, true);
            RewindResult rewound = session.control().rewindFiles(second, false);
            RewindResult toFirst = session.control().rewindFiles(first, false);
            assertThatThrownBy(() -> session.control().rewindFiles("aaaaaaaa-0000-4000-8000-0000000000ff", false))
                    .isInstanceOf(ControlException.class).hasMessageContaining("No file checkpoint found for this message.");

            assertThat(dryRun.canRewind()).isTrue();
            assertThat(dryRun.filesChanged()).containsExactly("<CWD>/a.txt", "<CWD>/b.txt");
            assertThat(dryRun.insertions()).hasValue(1);
            assertThat(rewound.canRewind()).isTrue();
            assertThat(rewound.filesChanged()).isEmpty();
            assertThat(toFirst.canRewind()).isTrue();
        }
        replay.assertFullyReplayed();
        assertThat(replay.launches().getFirst().environment()).containsEntry("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true");
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void rewindFilesWithoutCheckpointing61(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "61_rewind_files_disabled.jsonl");
        String first = "aaaaaaaa-0000-4000-8000-000000000001";
        String second = "aaaaaaaa-0000-4000-8000-000000000002";
        try (Session session = ClaudeCode.start(OPTIONS, replay)) {
            session.stream(UserInput.text("create a.txt").withUuid(first)).result();
            session.stream(UserInput.text("edit a.txt and create b.txt").withUuid(second)).result();

            RewindResult dryRun = session.control().rewindFiles(second, true);
            for (String id : List.of(second, first, "aaaaaaaa-0000-4000-8000-0000000000ff")) {
                assertThatThrownBy(() -> session.control().rewindFiles(id, false))
                        .isInstanceOf(ControlException.class).hasMessageContaining("File rewinding is not enabled.");
            }
            assertThat(dryRun.canRewind()).isFalse();
            assertThat(dryRun.error()).contains("File rewinding is not enabled.");
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void interruptWhileIdleAndMidStream51(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "51_interrupt.jsonl");
        try (Session session = ClaudeCode.start(OPTIONS.toBuilder().includePartialMessages(true).build(), replay)) {
            session.control().serverInfo();
            session.interrupt();
            try (MessageStream turn = session.stream("write a long answer")) {
                StringBuilder assistantText = new StringBuilder();
                for (Message message : turn) {
                    if (message instanceof dev.claudecode.message.StreamEventMessage event
                            && event.raw().toString().contains("word2 word3")) {
                        session.interrupt();
                    }
                    if (message instanceof dev.claudecode.message.AssistantMessage assistant) {
                        assistantText.append(assistant.text());
                    }
                }
                assertThat(turn.result().subtype()).isEqualTo("error_during_execution");
                // an interrupted turn's result has no text: the assistant messages' text stands in
                assertThat(turn.result().result()).isEmpty();
                assertThat(turn.finalText()).isNotEmpty().isEqualTo(assistantText.toString());
            }
            assertThat(session.stream("go on").finalText()).isEqualTo("After the interrupt.");
        }
        replay.assertFullyReplayed();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void theInitializeRequestCarriesWhatCallbackRegistriesContribute(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "04_initialize_sdk_mcp.jsonl");
        Session session = new Session(OPTIONS, replay, new OptionsLauncher(OPTIONS, "claude", replay::node));
        try {
            session.addInitializeContribution(request -> request.putArray("sdkMcpServers").add("calc"));
            session.connectEagerly();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (replay.written().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            session.stop();
        }
        assertThat(replay.written().getFirst().path("request")).isEqualTo(GoldenTranscripts.entries(version, "04_initialize_sdk_mcp.jsonl").stream()
                .filter(e -> e.isIn()).findFirst().orElseThrow().msg().get("request"));
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void serverInfoIsTheDecodedInitializeAnswer(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "01_initialize_plain.jsonl");
        ServerInfo info;
        try (Session session = ClaudeCode.start(OPTIONS, replay)) {
            info = session.control().serverInfo();
            assertThat(session.control().supportedModels()).isEqualTo(info.models());
            assertThat(session.control().supportedCommands()).isEqualTo(info.commands());
            assertThat(session.control().supportedAgents()).isEqualTo(info.agents());
            assertThat(session.control().accountInfo()).isEqualTo(info.account());
            assertThat(session.health().reason()).isEqualTo(Health.Reason.READY);
        }
        assertThat(info.pid()).hasValue(GoldenTranscripts.entries(version, "01_initialize_plain.jsonl").stream()
                .filter(e -> e.isOut()).findFirst().orElseThrow().msg().path("response").path("response").path("pid").longValue());
        // 2.1.332 lists opus without a separate [1m] entry (transcript 01)
        assertThat(info.model(version.equals(ProtocolRecordings.V2_1_197) ? "opus[1m]" : "opus")).isPresent();
        assertThat(Json.toNode(info.raw()).path("account").path("apiProvider").asString()).isEqualTo("firstParty");
        assertThat(replay.mismatches()).singleElement().satisfies(m -> assertThat(m).contains("closed stdin"));
    }

    /** @return the request object of the first control request of a subtype the recording SDK wrote */
    private static tools.jackson.databind.JsonNode recordedRequest(String version, String transcript, String subtype) {
        return GoldenTranscripts.entries(version, transcript).stream()
                .filter(e -> e.isIn() && e.requestSubtype().equals(subtype))
                .findFirst().orElseThrow().msg().path("request");
    }
}
