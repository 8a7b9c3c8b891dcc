package dev.claudecode.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.BaseTools;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.ClaudeCodeOptions.Builder;
import dev.claudecode.options.Effort;
import dev.claudecode.options.PermissionPrompts;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.Skills;
import dev.claudecode.options.ToolConfig;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.SessionStart;
import dev.claudecode.options.SettingSource;
import dev.claudecode.options.Thinking;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.PermissionMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliArgumentsTest {

    private static final Path DIR = Path.of("/srv/project");

    @Test
    void emptyOptionsGiveOnlyTheProtocolFlags() {
        assertThat(CliArguments.of(ClaudeCodeOptions.builder().build()))
                .containsExactly("--output-format", "stream-json", "--verbose", "--input-format", "stream-json");
    }

    static Stream<Arguments> oneOption() {
        return Stream.of(
                row("model", b -> b.model("sonnet"), "--model=sonnet"),
                row("fallbackModel", b -> b.fallbackModel("haiku,sonnet"), "--fallback-model=haiku,sonnet"),
                row("effort", b -> b.effort(Effort.XHIGH), "--effort=xhigh"),
                row("effort, newer level", b -> b.effort(Effort.of("ultra")), "--effort=ultra"),
                row("thinking adaptive", b -> b.thinking(Thinking.adaptive()), "--thinking=adaptive"),
                row("thinking disabled", b -> b.thinking(Thinking.disabled()), "--thinking=disabled"),
                row("thinking enabled", b -> b.thinking(Thinking.enabled(4096)), "--max-thinking-tokens=4096"),
                row("thinkingDisplay", b -> b.thinkingDisplay("omitted"), "--thinking-display=omitted"),
                row("betas, one flag per value", b -> b.betas("a-1", "b-2"), "--betas=a-1", "--betas=b-2"),
                row("maxTurns", b -> b.maxTurns(7), "--max-turns=7"),
                row("maxBudgetUsd", b -> b.maxBudgetUsd(0.0001), "--max-budget-usd=0.0001"),
                row("maxBudgetUsd, whole", b -> b.maxBudgetUsd(5.0), "--max-budget-usd=5"),
                row("taskBudget", b -> b.taskBudget(120_000), "--task-budget=120000"),
                row("systemPrompt file", b -> b.systemPrompt(DIR.resolve("s.md")), "--system-prompt-file=" + DIR.resolve("s.md")),
                row("appendSystemPrompt file", b -> b.appendSystemPrompt(PromptText.file(Path.of("a.md"))),
                        "--append-system-prompt-file=a.md"),
                row("excludeDynamicSystemPromptSections", b -> b.excludeDynamicSystemPromptSections(true),
                        "--exclude-dynamic-system-prompt-sections"),
                row("planModeInstructions", b -> b.planModeInstructions("1. read\n2. plan"), "--plan-mode-instructions=1. read\n2. plan"),
                row("agent", b -> b.agent("reviewer"), "--agent=reviewer"),
                row("tools default", b -> b.tools(BaseTools.defaults()), "--tools=default"),
                row("tools named", b -> b.tools(List.of("Bash", "Read")), "--tools=Bash", "--tools=Read"),
                row("tools none", b -> b.tools(BaseTools.none()), "--tools="),
                row("allowedTools", b -> b.allowedTools("Read", "Bash(git log *)"),
                        "--allowedTools=Read", "--allowedTools=Bash(git log *)"),
                row("disallowedTools", b -> b.disallowedTools("Write", "Edit"), "--disallowedTools=Write", "--disallowedTools=Edit"),
                row("permissionMode", b -> b.permissionMode(PermissionMode.ACCEPT_EDITS), "--permission-mode=acceptEdits"),
                row("permissionMode, newer", b -> b.permissionMode(PermissionMode.of("someday")), "--permission-mode=someday"),
                row("permissionPromptTool", b -> b.permissionPromptTool("stdio"), "--permission-prompt-tool=stdio"),
                row("permissionPrompts", b -> b.permissionPrompts(PermissionPrompts.NONE), "--permission-prompts=none"),
                row("skills all", b -> b.skills(Skills.all()), "--allowedTools=Skill"),
                row("skills, joining allowedTools without repeating a rule",
                        b -> b.allowedTools("Read", "Skill(pdf)").skills(Skills.only("pdf", "plugin:docx")),
                        "--allowedTools=Read", "--allowedTools=Skill(pdf)", "--allowedTools=Skill(plugin:docx)"),
                row("canUseTool", b -> b.canUseTool(request -> PermissionResult.allow()), "--permission-prompt-tool=stdio"),
                row("allowDangerouslySkipPermissions", b -> b.allowDangerouslySkipPermissions(true),
                        "--allow-dangerously-skip-permissions"),
                row("dangerouslySkipPermissions", b -> b.dangerouslySkipPermissions(true), "--dangerously-skip-permissions"),
                row("addDirs", b -> b.addDirs(Path.of("/a b"), Path.of("-c")), "--add-dir=/a b", "--add-dir=-c"),
                row("strictMcpConfig", b -> b.strictMcpConfig(true), "--strict-mcp-config"),
                row("includePartialMessages", b -> b.includePartialMessages(true), "--include-partial-messages"),
                row("replayUserMessages", b -> b.replayUserMessages(true), "--replay-user-messages"),
                row("includeHookEvents", b -> b.includeHookEvents(true), "--include-hook-events"),
                row("enableAuthStatus", b -> b.enableAuthStatus(true), "--enable-auth-status"),
                row("settingSources", b -> b.settingSources(SettingSource.USER, SettingSource.LOCAL), "--setting-sources=user,local"),
                row("settingSources none", b -> b.settingSources(List.of()), "--setting-sources="),
                row("plugins", b -> b.plugins(Path.of("p1"), Path.of("p2")), "--plugin-dir=p1", "--plugin-dir=p2"),
                row("pluginsWithoutMcp", b -> b.pluginsWithoutMcp(List.of(Path.of("p3"))), "--plugin-dir-no-mcp=p3"),
                row("plugins delivered in initialize", b -> b.plugins(Path.of("p1")).pluginsWithoutMcp(List.of(Path.of("p3")))
                        .pluginDelivery(PluginDelivery.INITIALIZE), "--await-initialize"),
                row("pluginDelivery initialize without plugins", b -> b.pluginDelivery(PluginDelivery.INITIALIZE)),
                row("pluginUrls", b -> b.pluginUrls(List.of(URI.create("https://x.example/p.zip"))),
                        "--plugin-url=https://x.example/p.zip"),
                row("disableSlashCommands", b -> b.disableSlashCommands(true), "--disable-slash-commands"),
                row("bare", b -> b.bare(true), "--bare"),
                row("safeMode", b -> b.safeMode(true), "--safe-mode"),
                row("brief", b -> b.brief(true), "--brief"),
                row("start continue", b -> b.start(SessionStart.continueLatest()), "--continue"),
                row("start resume", b -> b.start(SessionStart.resume("my session title")), "--resume=my session title"),
                row("start fromPr", b -> b.start(SessionStart.fromPr("https://example.invalid/pr/1")),
                        "--from-pr=https://example.invalid/pr/1"),
                row("start resume, at a message, forked to an id",
                        b -> b.start(SessionStart.resume("a").atMessage("m1").forked(OptionsFixtures.SESSION_ID)),
                        "--resume=a", "--fork-session", "--resume-session-at=m1", "--session-id=" + OptionsFixtures.SESSION_ID),
                row("start resume, at a message, dropping a turn",
                        b -> b.start(SessionStart.resume("a").atMessage("m1").droppingTurn("p1")),
                        "--resume=a", "--resume-session-at=m1", "--resume-drops-turn=p1"),
                row("start continue, forked", b -> b.start(SessionStart.continueLatest().forked()), "--continue", "--fork-session"),
                row("start fromPr, forked to an id", b -> b.start(SessionStart.fromPr("7").forked(OptionsFixtures.SESSION_ID)),
                        "--from-pr=7", "--fork-session", "--session-id=" + OptionsFixtures.SESSION_ID),
                row("start new, with an id", b -> b.start(SessionStart.newSession(OptionsFixtures.SESSION_ID)),
                        "--session-id=" + OptionsFixtures.SESSION_ID),
                row("start new", b -> b.start(SessionStart.newSession())),
                row("noSessionPersistence", b -> b.noSessionPersistence(true), "--no-session-persistence"),
                row("name", b -> b.name("nightly run"), "--name=nightly run"),
                row("files", b -> b.files(List.of("file_a:a.txt", "file_b:b.txt")), "--file=file_a:a.txt", "--file=file_b:b.txt"),
                row("worktree", b -> b.worktree(true), "--worktree"),
                row("worktreeName", b -> b.worktreeName("feature-x"), "--worktree=feature-x"),
                row("workload", b -> b.workload("cron"), "--workload=cron"),
                row("projectConfigRoot", b -> b.projectConfigRoot(Path.of("/srv/checkout")), "--project-config-root=/srv/checkout"),
                row("debug", b -> b.debug(true), "--debug"),
                row("debugFilter", b -> b.debugFilter("api,hooks"), "--debug=api,hooks"),
                row("debugFile", b -> b.debugFile(Path.of("/tmp/d.log")), "--debug-file=/tmp/d.log"),
                row("extraArgs", b -> b.extraArg("chrome").extraArg("--advisor", "-x").extraArg("a", ""),
                        "--chrome", "--advisor=-x", "--a="),
                // options that live outside argv
                row("apiKey", b -> b.apiKey("sk-1")),
                row("env", b -> b.env("A", "b")),
                row("cwd", b -> b.cwd(DIR)),
                row("cliPath", b -> b.cliPath(Path.of("/usr/bin/claude"))),
                row("controlTimeout", b -> b.controlTimeout(Duration.ofSeconds(5))),
                row("maxStdoutLineBytes", b -> b.maxStdoutLineBytes(1 << 20)),
                row("stderr", b -> b.stderr(line -> { })),
                row("enableFileCheckpointing", b -> b.enableFileCheckpointing(true)),
                row("toolConfig (environment)", b -> b.toolConfig(ToolConfig.askUserQuestionPreview(ToolConfig.PreviewFormat.HTML))),
                row("verbatimPrompts (user lines)", b -> b.verbatimPrompts(true)),
                // options sent in the initialize request (InitializeRequestTest)
                row("systemPrompt", b -> b.systemPrompt("Be terse.")),
                row("appendSystemPrompt", b -> b.appendSystemPrompt(PromptText.inline("Also: x"))),
                row("outputFormat", b -> b.outputFormat(Map.of("type", "object"))),
                row("promptSuggestions", b -> b.promptSuggestions(true)),
                row("systemPrompt blocks", b -> b.systemPrompt(PromptText.blocks("a", PromptText.DYNAMIC_BOUNDARY, "b"))),
                row("systemPromptSnapshot", b -> b.systemPromptSnapshot(true)),
                row("toolAliases", b -> b.toolAlias("Shell", "Bash")),
                row("forwardSubagentText", b -> b.forwardSubagentText(true)),
                row("agentProgressSummaries", b -> b.agentProgressSummaries(true)),
                row("perTaskStopAffordance", b -> b.perTaskStopAffordance(true)),
                row("agents", b -> b.agentDefinition("reviewer", dev.claudecode.options.AgentDefinition.of("Reviews", "Be strict."))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOption")
    void eachOptionMapsToItsExactArguments(String option, UnaryOperator<Builder> set, List<String> expected) {
        List<String> arguments = CliArguments.of(set.apply(ClaudeCodeOptions.builder()).build());

        assertThat(arguments.subList(0, CliArguments.BASE.size())).isEqualTo(CliArguments.BASE);
        assertThat(arguments.subList(CliArguments.BASE.size(), arguments.size())).isEqualTo(expected);
    }

    @Test
    void valuesStartingWithADashStayInsideTheirFlagArgument(@org.junit.jupiter.api.io.TempDir Path dir) {
        for (ClaudeCodeOptions options : OptionsFixtures.everyFlag(dir)) {
            List<String> tail = tail(options);
            // Every argument is a flag of its own; no value ever stands alone where the parser
            // could mistake it for a flag or take it as the value of the one before.
            assertThat(tail).allSatisfy(argument -> assertThat(argument).startsWith("--"));
            assertThat(tail).doesNotContain("-be brief", "--and polite", "-a session title", "-named");
        }
        assertThat(tail(OptionsFixtures.resumeVariant(dir))).contains(
                "--resume=-a session title",
                "--name=-named",
                "--add-dir=" + dir.resolve("-b"),
                "--debug=!1p,!file");
    }

    @Test
    void theApiKeyNeverAppearsInTheArguments(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<String> arguments = CliArguments.of(OptionsFixtures.resumeVariant(dir));

        assertThat(OptionsFixtures.resumeVariant(dir).apiKey()).contains(OptionsFixtures.API_KEY);
        assertThat(arguments).noneSatisfy(argument -> assertThat(argument).contains(OptionsFixtures.API_KEY));
        assertThat(arguments).noneSatisfy(argument -> assertThat(argument).contains("ANTHROPIC_API_KEY"));
    }

    @Test
    void theFixturesReachEveryRowOfTheTable(@org.junit.jupiter.api.io.TempDir Path dir) {
        Set<String> emitted = new LinkedHashSet<>();
        for (ClaudeCodeOptions options : OptionsFixtures.everyFlag(dir)) {
            tail(options).forEach(argument -> emitted.add(flagOf(argument)));
        }

        assertThat(emitted).containsExactlyInAnyOrderElementsOf(CliArguments.flags());
    }

    @Test
    void configurationThatMayHoldSecretsIsNotTheTablesBusiness(@org.junit.jupiter.api.io.TempDir Path dir) {
        // MCP servers, inline MCP JSON, settings and managed settings are planned by ConfigDelivery
        for (ClaudeCodeOptions options : OptionsFixtures.everyFlag(dir)) {
            assertThat(tail(options)).noneMatch(argument -> argument.startsWith("--mcp-config")
                    || argument.startsWith("--settings") || argument.startsWith("--managed-settings"));
        }
        assertThat(CliArguments.of(ClaudeCodeOptions.builder().model("m").extraArg("x").build(), List.of("--await-initialize")))
                .endsWith("--model=m", "--await-initialize", "--x");
        // plugins delivered in initialize ask for the same flag: it is given once
        ClaudeCodeOptions plugins = ClaudeCodeOptions.builder().plugins(dir.resolve("p"))
                .pluginDelivery(dev.claudecode.options.PluginDelivery.INITIALIZE).build();
        assertThat(CliArguments.of(plugins, List.of("--await-initialize"))).containsOnlyOnce("--await-initialize");
    }

    @Test
    void extraArgsComeLastInTheirOrder() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .extraArgs(new LinkedHashMap<>(Map.of("zeta", Optional.of("1"))))
                .extraArg("alpha")
                .model("m")
                .build();

        assertThat(tail(options)).containsExactly("--model=m", "--zeta=1", "--alpha");
    }

    static String flagOf(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    private static List<String> tail(ClaudeCodeOptions options) {
        List<String> arguments = CliArguments.of(options);
        return arguments.subList(CliArguments.BASE.size(), arguments.size());
    }

    private static Arguments row(String option, UnaryOperator<Builder> set, String... expected) {
        return Arguments.of(option, set, List.of(expected));
    }
}
