package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.awaitMessage;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.ModelInfo;
import dev.claudecode.errors.ControlException;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.StatusMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Model, permission mode, thinking budget and the other runtime controls against the real CLI. */
@ExtendWith(FakeClaudeApiExtension.class)
class RuntimeControlIT {

    @TempDir
    Path cwd;

    private static String model(RecordedRequest request) {
        return request.model().orElseThrow();
    }

    @Test
    void setModelChangesTheModelOfTheNextApiCallAndResetModelGoesBack(FakeClaudeApi api) {
        api.enqueue(Reply.text("a"), Reply.text("b"), Reply.text("c"));
        String sonnet;
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            sonnet = resolved(session, "sonnet");
            session.query("first");
            session.control().setModel("sonnet");
            session.query("second");
            session.control().resetModel();
            session.query("third");
        }
        List<RecordedRequest> main = api.log().main();
        assertThat(model(main.get(0))).startsWith("claude-opus");
        assertThat(model(main.get(1))).isEqualTo(sonnet);
        assertThat(model(main.get(2))).isEqualTo(model(main.get(0)));
    }

    @Test
    void resetModelGoesBackToTheModelOfTheOptions(FakeClaudeApi api) {
        api.enqueue(Reply.text("a"), Reply.text("b"));
        String sonnet;
        try (Session session = ClaudeCode.start(options(api, cwd).model("haiku").build())) {
            sonnet = resolved(session, "sonnet");
            session.control().setModel("sonnet");
            session.query("first");
            session.control().resetModel();
            session.query("second");
        }
        List<RecordedRequest> main = api.log().main();
        assertThat(model(main.get(0))).isEqualTo(sonnet);
        assertThat(model(main.get(1))).startsWith("claude-haiku");
    }

    @Test
    void controlsWorkWhileATurnStreams(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("slow ".repeat(120)).textChunkSize(5).eventDelay(Duration.ofMillis(20)).build(),
                Reply.text("done"));
        try (Session session = ClaudeCode.start(options(api, cwd).includePartialMessages(true).build());
                MessageStream turn = session.stream("talk slowly")) {
            Iterator<Message> messages = turn.iterator();
            while (messages.hasNext() && !(messages.next() instanceof StreamEventMessage event && event.event() instanceof ContentBlockDelta)) {
                // until the answer streams
            }
            session.control().setModel("haiku");
            ContextUsage usage = session.control().contextUsage();
            assertThat(session.control().mcpStatus()).isEmpty();
            assertThat(turn.result().isSuccess()).as("the streaming turn was not disturbed").isTrue();
            assertThat(usage.maxTokens()).isPositive();

            session.query("next");
        }
        assertThat(model(api.log().main().getLast())).startsWith("claude-haiku");
    }

    @Test
    void runtimeChangesSurviveACrashOfTheCli(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("before"), Reply.text("after"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        String sonnet;
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.addListener(seen::add);
            sonnet = resolved(session, "sonnet");
            session.query("before the crash");
            session.control().setModel("sonnet");
            session.control().setPermissionMode(PermissionMode.ACCEPT_EDITS);
            ControlFixtures.killCliAfterItSaved(session, api, "before");
            seen.clear();

            session.query("after the crash");
        }
        assertThat(model(api.log().main().getLast())).isEqualTo(sonnet);
        assertThat(seen).filteredOn(InitMessage.class::isInstance).singleElement()
                .satisfies(init -> assertThat(((InitMessage) init).permissionMode()).isEqualTo("acceptEdits"));
    }

    @Test
    void setPermissionModeIsReportedAndAppliesToTheNextTurn(FakeClaudeApi api) {
        api.enqueue(Reply.text("ok"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.addListener(seen::add);
            session.control().setPermissionMode(PermissionMode.ACCEPT_EDITS);
            StatusMessage status = awaitMessage(seen, StatusMessage.class, s -> s.permissionMode().isPresent());
            session.query("hello");

            assertThat(status.permissionMode()).contains("acceptEdits");
            assertThat(seen).filteredOn(InitMessage.class::isInstance)
                    .singleElement().satisfies(init -> assertThat(((InitMessage) init).permissionMode()).isEqualTo("acceptEdits"));
        }
        assertThatThrownBy(() -> PermissionMode.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThinkingBudgetReachesTheApiRequest(FakeClaudeApi api) {
        api.enqueue(Reply.text("1"), Reply.text("2"), Reply.text("3"));
        try (Session session = ClaudeCode.start(options(api, cwd).model("haiku").build())) {
            session.control().setMaxThinkingTokens(OptionalInt.of(2048));
            session.query("with 2048");
            session.control().setMaxThinkingTokens(OptionalInt.of(0));
            session.query("with 0");
            session.control().setMaxThinkingTokens(OptionalInt.empty());
            session.query("with the default");
            assertThatThrownBy(() -> session.control().setMaxThinkingTokens(OptionalInt.of(-1))).isInstanceOf(IllegalArgumentException.class);
        }
        List<RecordedRequest> main = api.log().main();
        if (CliVersionRange.compare(TestCli.version(), "2.1.332") >= 0) {
            // 2.1.332 accepts the budget but thinks adaptively on every model whatever it is
            // (protocol/README.md §13.3, transcript 2.1.332/57)
            assertThat(main).hasSize(3).allSatisfy(request -> assertThat(request.thinking()).containsEntry("type", "adaptive"));
            return;
        }
        assertThat(main.get(0).thinking()).containsEntry("type", "enabled").containsEntry("budget_tokens", 2048);
        assertThat(main.get(1).thinking()).containsEntry("type", "disabled");
        // 2.1.197's default budget for haiku (transcript 2.1.197/57)
        assertThat(main.get(2).thinking()).containsEntry("type", "enabled").containsEntry("budget_tokens", 31999);
    }

    @Test
    void anUnsupportedSubtypeFailsWithTheCliMessage(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            assertThatThrownBy(() -> session.control().request("frobnicate", Map.of("foo", 1)))
                    .isInstanceOf(ControlException.class)
                    .hasMessageContaining("Unsupported control request subtype: frobnicate")
                    .satisfies(e -> assertThat(((ControlException) e).subtype()).isEqualTo("frobnicate"));
            assertThat(session.isAlive()).as("an error answer leaves the CLI running").isTrue();
            assertThat(session.control().request("get_usage", Map.of())).containsKey("session");
        }
    }

    @Test
    void contextUsageReportsTheWindow(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.query("What is 5 + 3?");
            ContextUsage usage = session.control().contextUsage();

            assertThat(usage.categories()).extracting(ContextUsage.Category::name).contains("System prompt", "Free space");
            assertThat(usage.maxTokens()).isPositive();
            assertThat(usage.rawMaxTokens()).isGreaterThanOrEqualTo(usage.maxTokens());
            assertThat(usage.percentage()).isBetween(0.0, 100.0);
            assertThat(usage.model()).isNotBlank();
        }
    }

    @Test
    void settingsVersionAndTitle(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("8"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.query("hello");
            assertThat(session.control().binaryVersion().version()).isEqualTo(TestCli.version());
            assertThat(session.control().effectiveSettings().effective()).doesNotContainKey("model");

            session.control().applyFlagSettings(Map.of("model", "haiku"));
            EffectiveSettings after = session.control().effectiveSettings();
            assertThat(after.effective()).containsEntry("model", "haiku");
            assertThat(after.sources()).extracting(EffectiveSettings.Source::source).contains("flagSettings");
            assertThat((String) after.applied().get("model")).startsWith("claude-haiku");

            session.control().renameSession("Renamed from Java");
            String sessionId = session.sessionId().orElseThrow();
            Path transcript;
            try (var files = java.nio.file.Files.walk(api.configDir().resolve("projects"))) {
                transcript = files.filter(p -> p.getFileName().toString().equals(sessionId + ".jsonl")).findFirst().orElseThrow();
            }
            ControlFixtures.await("the title is stored", () -> {
                try {
                    return java.nio.file.Files.readString(transcript).contains("Renamed from Java");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        }
    }

    /** @return the model id an alias resolves to, as the CLI's initialize answer lists it */
    private static String resolved(Session session, String alias) {
        return session.control().supportedModels().stream().filter(model -> model.value().equals(alias)).findFirst()
                .flatMap(ModelInfo::resolvedModel).orElseThrow(() -> new AssertionError("the CLI lists no " + alias));
    }
}
