package dev.claudecode.tests.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.errors.ControlException;
import dev.claudecode.hook.HookCallback;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.hook.HookSpecificOutput;
import dev.claudecode.hook.PermissionDecision;
import dev.claudecode.internal.json.Json;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.SettingSource;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook events and input fields newer CLIs added, called by the real CLI in sessions against
 * {@link FakeClaudeApi}: each reaches the Java callback as its typed input, never as {@link
 * HookInput.Unknown}, and the typed outputs take effect. On the oldest supported CLI (2.1.197), which
 * has none of these events, the sessions still run with the hooks registered, and the assertions
 * about the calls are assumed away.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class HookEventsIT {

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    /** A callback that records what it is told and answers with the given output. */
    private static HookCallback recording(List<HookInput> calls, Function<HookInput, HookOutput> answer) {
        return (input, toolUseId, context) -> {
            calls.add(input);
            return answer.apply(input);
        };
    }

    private static void assumeCliHas(HookEvent event, String since) {
        assumeTrue(CliVersionRange.compare(TestCli.version(), since) >= 0,
                "CLI " + TestCli.version() + " has no " + event + " hook (added in " + since + ")");
    }

    @Test
    void aModelSwitchAsksThePreHookAndTellsThePostHookWhoseContextReachesTheNewModel(FakeClaudeApi api) {
        List<HookInput> calls = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("a"), Reply.text("b"));
        try (Session session = ClaudeCode.start(options(api)
                // Interrupt is newer than the pinned CLI: accepted, and never called in this run
                .hook(HookEvent.INTERRUPT, HookMatcher.all(recording(calls, input -> HookOutput.empty())))
                .hook(HookEvent.PRE_MODEL_SWITCH, HookMatcher.all(recording(calls, input -> HookOutput.empty())))
                .hook(HookEvent.POST_MODEL_SWITCH, HookMatcher.all(recording(calls,
                        input -> HookOutput.additionalContext(HookEvent.POST_MODEL_SWITCH,
                                "Context for the new model: plum"))))
                .build())) {
            session.query("first");
            session.control().setModel("sonnet");
            assertThat(session.query("second").isSuccess()).isTrue();
        }
        assumeCliHas(HookEvent.PRE_MODEL_SWITCH, "2.1.251");
        HookInput.PreModelSwitch pre = only(calls, HookInput.PreModelSwitch.class);
        assertThat(pre.requestedModel()).contains("sonnet");
        assertThat(pre.source()).isEqualTo("sdk");
        assertThat(pre.toModel()).startsWith("claude-sonnet");
        assertThat(pre.fromModel()).isNotEqualTo(pre.toModel());
        assertThat(pre.contextTokens()).isPositive();
        assertThat(pre.cacheTtl()).isIn("5m", "1h");
        assertThat(pre.pricing()).isIn("configured", "catalog", "default");
        assertThat(pre.sessionId()).isNotEmpty();
        HookInput.PostModelSwitch post = only(calls, HookInput.PostModelSwitch.class);
        assertThat(post.fromModel()).isEqualTo(pre.fromModel());
        assertThat(post.toModel()).isEqualTo(pre.toModel());
        assertThat(post.source()).isEqualTo("sdk");
        assertThat(calls).extracting(HookInput::event)
                .containsExactly(HookEvent.PRE_MODEL_SWITCH, HookEvent.POST_MODEL_SWITCH);
        RecordedRequest second = api.log().main().getLast();
        assertThat(second.model()).contains(pre.toModel());
        assertThat(Json.write(second.messages())).contains("Context for the new model: plum");
    }

    @Test
    void aPreModelSwitchHookThatDeniesKeepsTheModel(FakeClaudeApi api) {
        List<HookInput> calls = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("a"), Reply.text("b"));
        try (Session session = ClaudeCode.start(options(api)
                .hook(HookEvent.PRE_MODEL_SWITCH, HookMatcher.all(recording(calls, input -> HookOutput.of(
                        new HookSpecificOutput.PreModelSwitch(Optional.of(PermissionDecision.DENY),
                                Optional.of("stay on the warm cache"))))))
                .build())) {
            session.query("first");
            boolean pre = CliVersionRange.compare(TestCli.version(), "2.1.251") >= 0;
            if (pre) {
                assertThatThrownBy(() -> session.control().setModel("haiku")).isInstanceOf(ControlException.class)
                        .hasMessageContaining("PreModelSwitch").hasMessageContaining("stay on the warm cache");
            } else {
                session.control().setModel("haiku");
            }
            session.query("second");
        }
        List<RecordedRequest> main = api.log().main();
        assumeCliHas(HookEvent.PRE_MODEL_SWITCH, "2.1.251");
        assertThat(only(calls, HookInput.PreModelSwitch.class).toModel()).startsWith("claude-haiku");
        assertThat(main.getLast().model()).isEqualTo(main.getFirst().model());
    }

    @Test
    void aRegisteredRepositoryRootFiresDirectoryAdded(FakeClaudeApi api) throws Exception {
        List<HookInput> calls = new CopyOnWriteArrayList<>();
        Path library = Files.createDirectories(cwd.resolve("library"));
        api.enqueue(Reply.text("a"));
        try (Session session = ClaudeCode.start(options(api)
                .hook(HookEvent.DIRECTORY_ADDED, HookMatcher.all(recording(calls, input -> HookOutput.empty()))).build())) {
            session.query("first");
            assumeCliHas(HookEvent.DIRECTORY_ADDED, "2.1.219");
            session.control().request("register_repo_root", Map.of("directory", library.toString()));
        }
        HookInput.DirectoryAdded added = only(calls, HookInput.DirectoryAdded.class);
        assertThat(Path.of(added.directory()).toRealPath()).isEqualTo(library.toRealPath());
        assertThat(added.source()).isEqualTo("register_repo_root");
        assertThat(added.cwd()).isEqualTo(cwd.toString());
    }

    @Test
    void aShellCommandInASlashCommandAsksPreSkillShellCommandWhichCanRefuseIt(FakeClaudeApi api) throws Exception {
        Path commands = Files.createDirectories(cwd.resolve(".claude/commands"));
        Files.writeString(commands.resolve("greet.md"), "Say this back: !`echo hi-from-skill`\n");
        List<HookInput> allowed = new CopyOnWriteArrayList<>();
        List<HookInput> refused = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("a"), Reply.text("b"));
        ClaudeCode.query("/greet", options(api).settingSources(List.of(SettingSource.PROJECT))
                .hook(HookEvent.PRE_SKILL_SHELL_COMMAND, HookMatcher.all(recording(allowed, input -> HookOutput.empty())))
                .build());
        String ranCommand = api.log().main().getLast().allUserText();
        ClaudeCode.query("/greet", options(api).settingSources(List.of(SettingSource.PROJECT))
                .hook(HookEvent.PRE_SKILL_SHELL_COMMAND, HookMatcher.all(recording(refused, input -> HookOutput.of(
                        new HookSpecificOutput.PreSkillShellCommand(Optional.of(PermissionDecision.DENY),
                                Optional.of("no shell in commands"), Optional.empty())))))
                .build());
        String refusedCommand = api.log().main().getLast().allUserText();
        assertThat(ranCommand).contains("hi-from-skill");
        assumeCliHas(HookEvent.PRE_SKILL_SHELL_COMMAND, "2.1.332");
        HookInput.PreSkillShellCommand shell = only(allowed, HookInput.PreSkillShellCommand.class);
        assertThat(shell.toolName()).isEqualTo("Bash");
        assertThat(shell.command()).isEqualTo("echo hi-from-skill");
        assertThat(shell.commandName()).isEqualTo("greet");
        assertThat(shell.commandSource()).contains("projectSettings");
        assertThat(shell.invokedBy()).isEqualTo("user");
        assertThat(shell.toolUseId()).isNotBlank();
        assertThat(only(refused, HookInput.PreSkillShellCommand.class).command()).isEqualTo(shell.command());
        assertThat(refusedCommand).contains("/greet").doesNotContain("hi-from-skill");
    }

    @Test
    void clearingTheConversationEndsOneSessionAndStartsAnotherWhoseContextReachesTheModel(FakeClaudeApi api) {
        List<HookInput> calls = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.text("Noted."), Reply.text("Fresh."));
        try (Session session = ClaudeCode.start(options(api)
                .hook(HookEvent.SESSION_END, HookMatcher.all(recording(calls, input -> HookOutput.empty())))
                .hook(HookEvent.SESSION_START, HookMatcher.all(recording(calls, input -> HookOutput.of(
                        new HookSpecificOutput.SessionStart(Optional.of("Context from SessionStart: kiwi"), Optional.empty(),
                                Optional.empty(), List.of(), true)))))
                .build())) {
            session.query("remember plum");
            session.query("/clear");
            session.query("what now?");
        }
        assertThat(only(calls, HookInput.SessionEnd.class).reason()).isEqualTo("clear");
        HookInput.SessionStart start = only(calls, HookInput.SessionStart.class);
        assertThat(start.source()).isEqualTo("clear");
        assertThat(start.secondsSinceLastResponse()).as("a resume-only field").isEmpty();
        assertThat(start.contextTokens()).as("a resume-only field").isEmpty();
        RecordedRequest fresh = api.log().main().getLast();
        assertThat(fresh.allUserText()).contains("what now?").doesNotContain("remember plum");
        assertThat(Json.write(fresh.messages())).contains("Context from SessionStart: kiwi");
    }

    private static <T extends HookInput> T only(List<HookInput> calls, Class<T> type) {
        List<T> matching = calls.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as(type.getSimpleName() + " calls among " + calls).hasSize(1);
        return matching.getFirst();
    }
}
