package dev.claudecode.tests.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.UserInput;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.BackgroundTask;
import dev.claudecode.message.BackgroundTasksChangedMessage;
import dev.claudecode.message.CommandLifecycleMessage;
import dev.claudecode.message.ConversationResetMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.MessageOrigin;
import dev.claudecode.message.PermissionDeniedMessage;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.SessionTitleChangedMessage;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.UserMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message kinds and fields newer CLIs added, as the real CLI writes them in sessions against
 * {@link FakeClaudeApi}: each arrives as its typed record with its fields, and no message of any run
 * arrives as {@link UnknownMessage} or {@link UnknownSystemMessage}. Kinds the oldest supported CLI
 * (2.1.197) does not write are assumed away there, with the reason.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class MessageKindsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NEWER_CLI = "2.1.332";

    @TempDir
    Path cwd;

    /** Every message the sessions of a test saw, checked after it for unknown kinds. */
    private final List<Message> seen = Collections.synchronizedList(new ArrayList<>());

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    private Session start(ClaudeCodeOptions options) {
        Session session = ClaudeCode.start(options);
        session.addListener(seen::add);
        return session;
    }

    private static boolean cliIsAtLeast(String version) {
        return CliVersionRange.compare(TestCli.version(), version) >= 0;
    }

    private static void assumeCliWrites(String kind) {
        assumeTrue(cliIsAtLeast(NEWER_CLI), "CLI " + TestCli.version() + " does not write " + kind
                + " (first seen in the recordings of " + NEWER_CLI + ")");
    }

    @AfterEach
    void noMessageOfTheRunWasUnknown() {
        List<Message> all = snapshot();
        assertThat(all).as("messages seen").isNotEmpty();
        assertThat(all).as("messages that arrived as unknown kinds")
                .noneMatch(m -> m instanceof UnknownMessage || m instanceof UnknownSystemMessage);
    }

    @Test
    void aMessageSentWithItsOwnUuidReportsItsLifecycleAndIsNamedInTheResult(FakeClaudeApi api) {
        String uuid = "0b9c2a5e-6a43-4c1e-9f6e-2a1d7c3b8e01";
        api.enqueue(Reply.text("Echoed."));
        try (Session session = start(options(api).build())) {
            ResultMessage result = session.stream(UserInput.text("echo this").withUuid(uuid)).result();
            assertThat(result.isSuccess()).isTrue();
            InitMessage init = first(InitMessage.class, m -> true);
            assertThat(init.claudeCodeVersion()).isEqualTo(TestCli.version());
            assumeCliWrites("command_lifecycle");
            assertThat(init.capabilities()).contains("msg_lifecycle_v1");
            assertThat(init.plugins()).allSatisfy(plugin -> assertThat(plugin.source()).isPresent());
            assertThat(result.userMessageUuid()).contains(uuid);
            assertThat(result.userMessageUuids()).containsExactly(uuid);
            assertThat(result.resultIndex()).hasValue(0);
            assertThat(result.queuedTurnCount()).hasValue(0);
            await(CommandLifecycleMessage.class, CommandLifecycleMessage::isFinal);
            assertThat(all(CommandLifecycleMessage.class)).allSatisfy(m -> assertThat(m.commandUuid()).isEqualTo(uuid))
                    .extracting(CommandLifecycleMessage::state).containsExactly("queued", "started", "completed");
            assertThat(all(AssistantMessage.class)).anySatisfy(m -> {
                assertThat(m.userMessageUuid()).contains(uuid);
                assertThat(m.timestamp()).isPresent();
            });
        }
    }

    @Test
    void aRenamedSessionAnnouncesItsTitle(FakeClaudeApi api) {
        api.enqueue(Reply.text("Hello."));
        try (Session session = start(options(api).build())) {
            session.query("hello");
            session.control().renameSession("Nightly build triage");
            assumeCliWrites("system/session_title_changed");
            SessionTitleChangedMessage renamed = await(SessionTitleChangedMessage.class, m -> true);
            assertThat(renamed.title()).isEqualTo("Nightly build triage");
            assertThat(renamed.sessionId()).isEqualTo(session.sessionId());
        }
    }

    @Test
    void aToolUseDeniedWithoutAPromptIsAnnounced(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch denied.txt", "description", "Create a file")),
                Reply.text("I could not create it."));
        try (Session session = start(options(api).build())) {
            ResultMessage result = session.query("create a file");
            assertThat(result.permissionDenials()).isNotEmpty();
            assertThat(Files.exists(cwd.resolve("denied.txt"))).isFalse();
            assumeCliWrites("system/permission_denied");
            PermissionDeniedMessage denied = first(PermissionDeniedMessage.class, m -> true);
            assertThat(denied.toolName()).isEqualTo("Bash");
            assertThat(denied.toolUseId()).isEqualTo(result.permissionDenials().getFirst().toolUseId());
            assertThat(denied.message()).isNotBlank();
            assertThat(denied.agentId()).isEmpty();
            assertThat(all(UserMessage.class).stream().flatMap(m -> m.toolResultMeta().stream()))
                    .anySatisfy(meta -> {
                        assertThat(meta.id()).isEqualTo(denied.toolUseId());
                        assertThat(meta.permissionDecision()).contains("reject");
                    });
        }
    }

    @Test
    void aBackgroundSubagentIsListedAndItsEndStartsATurnNamingItsRun(FakeClaudeApi api) {
        api.enqueue(
                Reply.toolUse("Agent", Map.of("description", "Say hi via subagent", "prompt", "Reply with the word hi.",
                        "subagent_type", "general-purpose")),
                Reply.text("hi"),
                Reply.text("The subagent is on it."),
                Reply.text("The subagent said hi."));
        try (Session session = start(options(api).build())) {
            session.query("ask a subagent to say hi");
            TaskStartedMessage started = await(TaskStartedMessage.class, m -> true);
            assertThat(started.subagentType()).contains("general-purpose");
            TaskNotificationMessage done = await(TaskNotificationMessage.class, m -> m.taskId().equals(started.taskId()));
            assertThat(done.status()).isEqualTo("completed");
            assumeCliWrites("system/background_tasks_changed");
            assertThat(started.runId()).isPresent();
            assertThat(started.isBackgrounded()).contains(true);
            assertThat(started.spawnDepth()).hasValue(1);
            assertThat(done.runId()).isEqualTo(started.runId());
            BackgroundTask listed = all(BackgroundTasksChangedMessage.class).stream().flatMap(m -> m.tasks().stream())
                    .filter(task -> task.taskId().equals(started.taskId())).findFirst().orElseThrow();
            assertThat(listed.runId()).isEqualTo(started.runId());
            assertThat(listed.taskType()).isEqualTo("local_agent");
            assertThat(listed.subagentType()).contains("general-purpose");
            assertThat(listed.description()).isEqualTo("Say hi via subagent");
            await(BackgroundTasksChangedMessage.class, m -> m.tasks().isEmpty() && isAfter(m, done));
            assertThat(all(AssistantMessage.class)).anySatisfy(m -> {
                assertThat(m.agentId()).contains(started.taskId());
                assertThat(m.subagentType()).contains("general-purpose");
                assertThat(m.taskDescription()).contains("Say hi via subagent");
            });
            ResultMessage selfStarted = await(ResultMessage.class, m -> m.origin().isPresent());
            MessageOrigin origin = selfStarted.origin().orElseThrow();
            assertThat(origin.kind()).isEqualTo(MessageOrigin.TASK_NOTIFICATION);
            assertThat(origin.runId()).isEqualTo(started.runId());
            assertThat(selfStarted.resultIndex()).hasValue(1);
        }
    }

    @Test
    void clearAnnouncesANewConversation(FakeClaudeApi api) {
        String clearUuid = "5d0c3f7e-1b2a-4c8d-9e6f-0a1b2c3d4e5f";
        api.enqueue(Reply.text("Noted."), Reply.text("Fresh."));
        try (Session session = start(options(api).build())) {
            session.query("remember plum");
            session.stream(UserInput.text("/clear").withUuid(clearUuid)).result();
            session.query("what now?");
            assumeCliWrites("conversation_reset");
            ConversationResetMessage reset = first(ConversationResetMessage.class, m -> true);
            assertThat(reset.trigger()).contains("clear");
            assertThat(reset.userMessageUuid()).contains(clearUuid);
            assertThat(reset.newConversationId()).isNotBlank();
            assertThat(reset.timestamp()).isPresent();
        }
    }

    @Test
    void theContextCommandAnswersWithTheStructuredReport(FakeClaudeApi api) {
        api.enqueue(Reply.text("Hello."));
        try (Session session = start(options(api).build())) {
            session.query("hello");
            assertThat(session.query("/context").result())
                    .hasValueSatisfying(text -> assertThat(text).contains("Context Usage"));
            assumeCliWrites("assistant.context_usage");
            AssistantMessage report = first(AssistantMessage.class, m -> m.contextUsage().isPresent());
            assertThat(report.contextUsage().orElseThrow()).containsKeys("model", "categories", "total_tokens");
            assertThat(report.model()).isEqualTo("<synthetic>");
        }
    }

    private boolean isAfter(Message later, Message earlier) {
        List<Message> all = snapshot();
        return all.indexOf(later) > all.indexOf(earlier);
    }

    private List<Message> snapshot() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private <T extends Message> List<T> all(Class<T> type) {
        return snapshot().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends Message> T first(Class<T> type, Predicate<T> condition) {
        return all(type).stream().filter(condition).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " among " + kinds()));
    }

    private <T extends Message> T await(Class<T> type, Predicate<T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (all(type).stream().noneMatch(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + PATIENCE
                        + "; seen " + kinds());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return first(type, condition);
    }

    private List<String> kinds() {
        return snapshot().stream().map(m -> m.getClass().getSimpleName()).toList();
    }
}
