package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.awaitMessage;
import static dev.claudecode.tests.control.ControlFixtures.awaitValue;
import static dev.claudecode.tests.control.ControlFixtures.echoServerWithExtras;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.ClaudeCode;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.HooksListing;
import dev.claudecode.control.InterruptReceipt;
import dev.claudecode.control.McpCall;
import dev.claudecode.control.McpCallResult;
import dev.claudecode.control.McpResourceContents;
import dev.claudecode.control.PermissionRules;
import dev.claudecode.control.PluginsReload;
import dev.claudecode.control.ReloadPlugins;
import dev.claudecode.control.SessionControl;
import dev.claudecode.control.SettingsFile;
import dev.claudecode.control.TaskOutput;
import dev.claudecode.control.UsageReport;
import dev.claudecode.errors.ControlException;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.message.Message;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime controls of the official TypeScript SDK 0.3.336, typed, against the real CLI
 * through the fake API. Subtypes CLI 2.1.197 does not have are skipped there, except that each
 * test of them proves an older CLI refuses them with the error it gives.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class ControlsParityIT {

    @TempDir
    Path cwd;

    private static boolean newerCli() {
        return CliVersionRange.compare(TestCli.version(), "2.1.332") >= 0;
    }

    private static void assumeNewerCli(String feature) {
        assumeTrue(newerCli(), feature + " came after CLI " + TestCli.version());
    }

    @Test
    void anInterruptReturnsTheReceiptOfTheCliThatSendsOne(FakeClaudeApi api) {
        api.enqueue(Reply.builder().text("slow ".repeat(100)).textChunkSize(5).eventDelay(Duration.ofMillis(20)).build(),
                Reply.builder().text("slow ".repeat(100)).textChunkSize(5).eventDelay(Duration.ofMillis(20)).build());
        try (Session session = ClaudeCode.start(options(api, cwd).includePartialMessages(true).build())) {
            Optional<InterruptReceipt> plain = interruptWhileStreaming(session, false);
            Optional<InterruptReceipt> cancelling = interruptWhileStreaming(session, true);

            if (newerCli()) {
                assertThat(plain).contains(new InterruptReceipt(List.of(), List.of()));
                assertThat(cancelling).contains(new InterruptReceipt(List.of(), List.of()));
            } else {
                assertThat(plain).isEmpty();
                assertThat(cancelling).isEmpty();
            }
            assertThat(session.control().cancelAsyncMessage("00000000-0000-0000-0000-000000000000")).isFalse();
        }
    }

    @Test
    void setPermissionModeReturnsTheModeInEffect(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            assertThat(session.control().setPermissionMode(PermissionMode.PLAN)).contains(PermissionMode.PLAN);
            if (newerCli()) {
                assertThatThrownBy(() -> session.control().setPermissionMode(PermissionMode.of("bogus")))
                        .isInstanceOfSatisfying(ControlException.class,
                                e -> assertThat(e.errorCode()).contains("invalid_mode"));
            }
        }
    }

    @Test
    void theThinkingDisplayReachesTheApi(FakeClaudeApi api) {
        assumeNewerCli("thinking_display");
        api.enqueue(Reply.text("a"), Reply.text("b"), Reply.text("c"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.control().setThinkingDisplay(ThinkingDisplay.SUMMARIZED);
            session.query("one");
            session.control().setThinkingDisplay(ThinkingDisplay.HIGHLIGHTS);
            session.query("two");
            session.control().clearThinkingDisplay();
            session.query("three");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(main.get(0).thinking()).containsEntry("display", "summarized");
        assertThat(main.get(1).thinking()).containsEntry("display", "highlights");
        assertThat(main.get(2).thinking().get("display")).isNotIn("summarized", "highlights");
    }

    @Test
    void usageCostContextAndModelsAreReported(FakeClaudeApi api) {
        api.enqueue(Reply.text("8"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            session.query("What is 5 + 3?");
            SessionControl control = session.control();

            UsageReport usage = control.usage();
            assertThat(usage.session().totalCostUsd()).isPositive();
            assertThat(usage.session().modelUsage()).isNotEmpty();
            assertThat(usage.rateLimitsAvailable()).isFalse();
            assertThat(control.usage(true).session().totalCostUsd()).isPositive();
            assertThat(control.sessionCost()).contains("Total duration (API)");

            ContextUsage summary = control.contextUsage(ContextUsage.Detail.SUMMARY);
            assertThat(summary.maxTokens()).isPositive();
            if (newerCli()) {
                assertThat(summary.categoryById("free_space")).isPresent();
                assertThat(control.listModels()).extracting(model -> model.value()).contains("default", "sonnet");
            } else {
                assertUnsupported(control::listModels, "list_models");
            }
        }
    }

    @Test
    void filesAreReadSeededAndSuggestedThroughTheCli(FakeClaudeApi api) throws Exception {
        Path file = Files.writeString(cwd.resolve("hello.txt"), "hello file\n");
        Path sub = Files.createDirectories(cwd.resolve("sub"));
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            SessionControl control = session.control();

            FileContents text = control.readFile("hello.txt");
            assertThat(text.contents()).isEqualTo("hello file\n");
            assertThat(text.absolutePath()).isEqualTo(file.toRealPath().toString());
            FileContents head = control.readFile("hello.txt", OptionalInt.of(3), FileContents.Encoding.BASE64);
            assertThat(new String(head.bytes(), StandardCharsets.UTF_8)).isEqualTo("hel");
            assertThat(head.truncated()).isTrue();
            assertThatThrownBy(() -> control.readFile("missing.txt")).isInstanceOf(ControlException.class);

            control.seedReadState("hello.txt", Files.getLastModifiedTime(file).toInstant());
            control.seedReadState("hello.txt", Instant.EPOCH);
            // the CLI builds its file index in the background: the first answers may be empty
            awaitValue("hello.txt is suggested", () -> control.fileSuggestions("hel"),
                    suggestions -> suggestions.suggestions().stream().anyMatch(s -> s.path().equals("hello.txt")));
            assertThat(control.registerRepoRoot(sub, false, false, false)).isEqualTo(sub.toRealPath().toString());
            if (newerCli()) {
                assertThatThrownBy(() -> control.registerRepoRoot(sub, false, false, false))
                        .as("2.1.332 refuses a root registered already").isInstanceOf(ControlException.class);
            }
        }
    }

    @Test
    void aBackgroundShellTasksOutputCanBeRead(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "echo MARKER-TASK-OUTPUT; sleep 30", "run_in_background", true)),
                Reply.text("started"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api, cwd).allowedTools("Bash").build())) {
            session.addListener(seen::add);
            session.query("run it in the background");
            TaskStartedMessage started = awaitMessage(seen, TaskStartedMessage.class, task -> true);
            session.control().backgroundTasks();
            if (!newerCli()) {
                assertUnsupported(() -> session.control().taskOutput(started.taskId()), "get_task_output");
                session.control().stopTask(started.taskId());
                return;
            }
            TaskOutput output = awaitValue("the task printed", () -> session.control().taskOutput(started.taskId()),
                    value -> value.output().contains("MARKER-TASK-OUTPUT"));
            assertThat(output.totalBytes()).isPositive();
            assertThat(output.truncated()).isFalse();
            session.control().stopTask(started.taskId());
            assertThatThrownBy(() -> session.control().taskOutput("no-such-task")).isInstanceOf(ControlException.class);
        }
    }

    @Test
    void settingsAreWrittenThroughTheCliAndRulesAreListed(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).allowedTools("Read", "Bash(git status)").build())) {
            SessionControl control = session.control();
            if (!newerCli()) {
                assertUnsupported(() -> control.updateSettings(SettingsFile.LOCAL, Map.of("outputStyle", "Concise")), "update_settings");
                assertUnsupported(control::permissionRules, "list_permission_rules");
                return;
            }
            control.updateSettings(SettingsFile.LOCAL, Map.of("outputStyle", "Concise"));
            assertThat(control.effectiveSettings().effective()).containsEntry("outputStyle", "Concise");
            assertThat(cwd.resolve(".claude/settings.local.json")).content().contains("Concise");
            assertThatThrownBy(() -> control.updateSettings(SettingsFile.LOCAL, Map.of("model", "haiku")))
                    .isInstanceOf(ControlException.class);

            PermissionRules rules = control.permissionRules();
            assertThat(rules.rules()).filteredOn(rule -> rule.source().equals("cliArg"))
                    .extracting(PermissionRules.Rule::rule).contains("Read", "Bash(git status)");
            assertThat(rules.rules()).allSatisfy(rule -> assertThat(rule.behavior()).isIn("allow", "deny", "ask"));
            assertThat(rules.originalCwd()).isNotBlank();
        }
    }

    @Test
    void pluginsSkillsAndOutputStylesAreReloaded(FakeClaudeApi api) throws Exception {
        Path plugin = Files.createDirectories(cwd.resolve("late-plugin/.claude-plugin")).getParent();
        Files.writeString(plugin.resolve(".claude-plugin/plugin.json"), "{\"name\":\"late-plugin\",\"version\":\"0.0.2\"}");
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            SessionControl control = session.control();
            PluginsReload plain = control.reloadPlugins();
            assertThat(plain.commands()).isNotEmpty();
            assertThat(control.reloadSkills()).extracting(SlashCommand::name).isNotEmpty();
            if (!newerCli()) {
                assertUnsupported(control::reloadOutputStyles, "reload_output_styles");
                return;
            }
            PluginsReload added = control.reloadPlugins(ReloadPlugins.builder().addPlugin(plugin.toRealPath()).refuseIfBusy(true).build());
            assertThat(added.plugins()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("late-plugin");
                assertThat(p.version()).contains("0.0.2");
            });

            Path styles = Files.createDirectories(cwd.resolve(".claude/output-styles"));
            Files.writeString(styles.resolve("terse.md"), "---\nname: Terse\ndescription: Very short answers\n---\nAnswer tersely.\n");
            assertThat(control.reloadOutputStyles()).contains("default", "Terse");
        }
    }

    @Test
    void hooksAreListedWithTheCatalogOfEvents(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd)
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> HookOutput.empty()))
                .build())) {
            if (!newerCli()) {
                assertUnsupported(() -> session.control().hooksListing(), "get_hooks_listing");
                return;
            }
            HooksListing listing = session.control().hooksListing();
            assertThat(listing.catalogEntry("PreToolUse").orElseThrow().supportsMatcher()).isTrue();
            assertThat(listing.eventCatalog()).extracting(HooksListing.CatalogEntry::name).contains("Stop", "SessionStart");
            assertThat(listing.policy().disabledByPolicy()).isFalse();
        }
    }

    @Test
    void aServersUiResourceIsReadAndItsToolsCalledDirectly(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).mcpServer("echo", echoServerWithExtras("echo")).build())) {
            awaitValue("echo is connected", () -> session.control().mcpStatus(),
                    servers -> servers.stream().anyMatch(McpServerStatus::isConnected));
            McpCallResult echoed = session.control().mcpCall(McpCall.of("mcp__echo__echo", Map.of("text", "MARKER-CALLED")));
            assertThat(echoed.text()).isEqualTo("MARKER-CALLED");
            assertThat(echoed.isError()).isFalse();
            assertThatThrownBy(() -> session.control().readMcpResource("echo", "https://not-ui"))
                    .isInstanceOf(IllegalArgumentException.class);
            if (!newerCli()) {
                assertUnsupported(() -> session.control().readMcpResource("echo", "ui://echo/widget"), "mcp_read_resource");
                return;
            }
            McpResourceContents widget = session.control().readMcpResource("echo", "ui://echo/widget");
            assertThat(widget.contents()).singleElement().satisfies(item -> {
                assertThat(item.text()).contains("<p>MARKER-WIDGET</p>");
                assertThat(item.meta()).containsEntry("ui", Map.of("prefersBorder", true));
            });
            assertThatThrownBy(() -> session.control().readMcpResource("nowhere", "ui://x")).isInstanceOf(ControlException.class);
        }
    }

    @Test
    void colorSubscribersAndServerOverridesAreSent(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).build())) {
            SessionControl control = session.control();
            assertThatThrownBy(() -> control.setColor("blue")).isInstanceOfSatisfying(ControlException.class, e -> {
                assertThat(e.getMessage()).contains("Unsupported control request subtype: set_color");
                if (newerCli()) {
                    assertThat(e.errorCode()).contains("unsupported_request");
                }
            });
            assertThat(control.setMcpPermissionModeOverride("not-yet", Optional.of(PermissionMode.DEFAULT)))
                    .hasValueSatisfying(warning -> assertThat(warning).contains("not-yet"));
            control.setMcpPermissionModeOverride("not-yet", Optional.empty());
            assertThatThrownBy(() -> control.setMcpPermissionModeOverride("x", Optional.of(PermissionMode.PLAN)))
                    .isInstanceOf(IllegalArgumentException.class);
            if (newerCli()) {
                control.setHasSubscribers(Optional.of(false));
                control.setHasSubscribers(Optional.empty());
            } else {
                assertUnsupported(() -> control.setHasSubscribers(Optional.of(false)), "set_has_subscribers");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Optional<InterruptReceipt> interruptWhileStreaming(Session session, boolean cancelQueued) {
        try (MessageStream turn = session.stream("talk slowly")) {
            Iterator<Message> messages = turn.iterator();
            while (messages.hasNext() && !(messages.next() instanceof StreamEventMessage)) {
                // until the answer streams
            }
            Optional<InterruptReceipt> receipt = cancelQueued ? session.interruptAndCancelQueued() : session.interrupt();
            assertThat(turn.result().isError()).isTrue();
            return receipt;
        }
    }

    private static void assertUnsupported(Runnable control, String subtype) {
        assertThatThrownBy(control::run).isInstanceOf(ControlException.class)
                .hasMessageContaining("Unsupported control request subtype: " + subtype);
    }
}
