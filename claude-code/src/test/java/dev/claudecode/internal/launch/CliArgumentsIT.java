package dev.claudecode.internal.launch;

import static dev.claudecode.internal.launch.LoopbackMessagesApi.text;
import static dev.claudecode.internal.launch.LoopbackMessagesApi.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.BaseTools;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Effort;
import dev.claudecode.options.PermissionPrompts;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.SessionStart;
import dev.claudecode.options.Thinking;
import dev.claudecode.cli.CliUnderTest;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.internal.BuildInfo;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.CliRun.Outcome;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the command line of {@link CliArguments} and the environment of {@link CliEnvironment}
 * against the real CLI ({@code CLAUDE_CODE_CLI_PATH}) talking to a loopback Messages API: every
 * flag the mapping can emit is one the CLI knows, and each flag form (the {@code --flag=value}
 * form, repeated list flags, JSON values, values starting with {@code -}) reaches the CLI as meant,
 * as shown by {@code system/init}, the result, or the API requests the CLI sends.
 */
class CliArgumentsIT {

    /**
     * Flags the mapping emits that {@code claude --help} does not list, each with why it is used.
     * Each is proven accepted, and where it can be seen, effective, by a test below.
     */
    static final Map<String, String> HIDDEN_FLAGS = Map.ofEntries(
            Map.entry("--max-turns", "hidden since 2.x but still the way to cap agentic turns; see hiddenFlagsAreAccepted"),
            Map.entry("--thinking", "hidden, replaces --max-thinking-tokens for adaptive models; see thinkingFlagsReachTheApi"),
            Map.entry("--max-thinking-tokens", "hidden and deprecated, still sets a budget on budgeted models; see thinkingFlagsReachTheApi"),
            Map.entry("--thinking-display", "hidden, sets thinking.display in API requests; see hiddenFlagsAreAccepted"),
            Map.entry("--task-budget", "hidden, sets output_config.task_budget; see hiddenFlagsAreAccepted"),
            Map.entry("--permission-prompt-tool", "hidden, 'stdio' routes permission prompts to the SDK; see hiddenFlagsAreAccepted"),
            Map.entry("--system-prompt-file", "hidden file form of --system-prompt; see hiddenFlagsAreAccepted"),
            Map.entry("--append-system-prompt-file", "hidden file form of --append-system-prompt; see hiddenFlagsAreAccepted"),
            Map.entry("--plan-mode-instructions", "hidden, custom plan-mode workflow; see hiddenFlagsAreAccepted"),
            Map.entry("--enable-auth-status", "hidden, emits auth_status messages; see hiddenFlagsAreAccepted"),
            Map.entry("--workload", "hidden, billing-header workload tag; see hiddenFlagsAreAccepted"),
            Map.entry("--plugin-dir-no-mcp", "hidden variant of --plugin-dir; see hiddenFlagsAreAccepted"),
            Map.entry("--resume-session-at", "hidden, resume up to a message; see sessionFlagsSelectTheSession"),
            Map.entry("--session-mirror", "hidden, emits transcript_mirror frames for a session store; see SessionStoreIT"),
            Map.entry("--project-config-root", "hidden, project configuration from a trusted checkout; see flagsOfNewerClisReachTheSession"),
            Map.entry("--resume-drops-turn", "hidden, validates a truncating resume; see OptionsParityIT"),
            Map.entry("--await-initialize", "hidden, boots after the initialize request; see flagsOfNewerClisReachTheSession"));

    /**
     * Flags the mapping emits that CLI 2.1.197 does not have, with the oldest version of the tested
     * range that has them; on an older CLI they are left out of the checks, and must be unknown to it.
     */
    static final Map<String, String> NEWER_FLAGS = Map.of(
            "--permission-prompts", "2.1.332",
            "--project-config-root", "2.1.332",
            "--resume-drops-turn", "2.1.332",
            "--await-initialize", "2.1.332");

    /**
     * Flags the {@link ConfigDelivery} adds that {@code claude --help} does not list, each with why;
     * which of them a launch uses depends on the CLI's version.
     */
    static final Map<String, String> HIDDEN_DELIVERY_FLAGS = Map.ofEntries(
            Map.entry("--managed-settings", "hidden, policy-tier settings from an SDK parent (CLIs before 2.1.326); see hiddenFlagsAreAccepted"),
            Map.entry("--await-initialize", "hidden, the CLI reads MCP servers and settings from initialize (2.1.326+); see SecretDeliveryIT"),
            Map.entry("--initialize-fields", "hidden, names the initialize fields that replace flags (settings); see SecretDeliveryIT"),
            Map.entry("--managed-settings-in-initialize", "hidden, managed settings in initialize; see hiddenFlagsAreAccepted"));

    private static LoopbackMessagesApi api;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startApi() throws IOException {
        CliRun.cli();
        api = new LoopbackMessagesApi();
    }

    @AfterAll
    static void stopApi() {
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void resetApi() {
        api.reset();
    }

    @Test
    void everyFlagTheMappingEmitsIsOneTheCliKnows() throws Exception {
        Set<String> help = helpFlags(CliRun.help());
        Set<String> emitted = new LinkedHashSet<>();
        for (ClaudeCodeOptions options : OptionsFixtures.everyFlag(scratch)) {
            List<String> arguments = CliArguments.of(options);
            arguments.subList(CliArguments.BASE.size(), arguments.size())
                    .forEach(argument -> emitted.add(CliArgumentsTest.flagOf(argument)));
        }

        assertThat(help).as("the help parser found the options").contains("--model", "--allowedTools", "--debug");
        assertThat(emitted).as("the fixtures cover the whole table").isEqualTo(CliArguments.flags());
        Set<String> tooNew = new LinkedHashSet<>();
        NEWER_FLAGS.forEach((flag, since) -> {
            if (CliVersionRange.compare(CliUnderTest.version(), since) < 0) {
                tooNew.add(flag);
            }
        });
        assertThat(tooNew).allSatisfy(flag -> assertThat(help).as("%s is listed as newer but --help shows it", flag).doesNotContain(flag));
        assertThat(emitted).filteredOn(flag -> !tooNew.contains(flag))
                .allSatisfy(flag -> assertThat(help.contains(flag) || HIDDEN_FLAGS.containsKey(flag))
                        .as("%s is neither in --help nor a known hidden flag", flag).isTrue());
        assertThat(HIDDEN_FLAGS.keySet()).allSatisfy(flag -> {
            assertThat(help).as("%s is listed as hidden but --help shows it", flag).doesNotContain(flag);
            assertThat(emitted).contains(flag);
        });
        CliArguments.BASE.stream().filter(argument -> argument.startsWith("--"))
                .forEach(flag -> assertThat(help).contains(flag));
    }

    @Test
    void everyFlagTheDeliveryAddsIsOneTheCliKnows() throws Exception {
        Set<String> help = helpFlags(CliRun.help());
        Set<String> delivered = new LinkedHashSet<>();
        for (ClaudeCodeOptions options : OptionsFixtures.everyFlag(scratch)) {
            var launch = new OptionsLauncher(options, CliRun.cli().toString(), dev.claudecode.node.LocalNode::instance).initial();
            launch.spec().arguments().stream().map(CliArgumentsTest::flagOf).filter(flag -> !CliArguments.flags().contains(flag)
                    && !CliArguments.BASE.contains(flag) && !options.extraArgs().containsKey(flag.substring(2))).forEach(delivered::add);
            launch.afterExit().run();
        }

        assertThat(delivered).as("the fixtures hold MCP servers and settings").contains("--mcp-config");
        assertThat(delivered).allSatisfy(flag -> assertThat(help.contains(flag) || HIDDEN_DELIVERY_FLAGS.containsKey(flag))
                .as("%s is neither in --help nor a known hidden flag", flag).isTrue());
    }

    @Test
    void hiddenFlagsAreAccepted() throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("files"));
        Files.writeString(dir.resolve("system.txt"), "SYSTEM FROM FILE");
        Files.writeString(dir.resolve("append.txt"), "APPENDED FROM FILE");
        Path plugin = plugin(dir.resolve("-plugin"), "it-plugin");
        ClaudeCodeOptions options = CliRun.options(api, scratch)
                .maxTurns(5)
                .thinking(Thinking.adaptive())
                .thinkingDisplay("omitted")
                .taskBudget(5000)
                .permissionPromptTool("stdio")
                .systemPrompt(PromptText.file(dir.resolve("system.txt")))
                .appendSystemPrompt(PromptText.file(dir.resolve("append.txt")))
                .planModeInstructions("-first read, then plan")
                .enableAuthStatus(true)
                .workload("nightly")
                .managedSettings(Map.of("permissions", Map.of("deny", List.of("WebFetch"))))
                .pluginsWithoutMcp(List.of(plugin))
                .build();

        Outcome outcome = CliRun.run(options);

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stderr()).doesNotContain("unknown option");
        assertThat(outcome.result()).containsEntry("subtype", "success").containsEntry("is_error", false);
        assertThat(tools(outcome)).as("the stdio prompt tool adds its tools").contains("AskUserQuestion", "ExitPlanMode");
        // 2.1.332 also lists its built-in plugins (path "builtin") in every session
        assertThat(names(withoutBuiltins(outcome.init().get("plugins")))).containsExactly("it-plugin");
        assertThat(outcome.message("auth_status", null)).isPresent();
        LoopbackMessagesApi.Request request = api.firstMain();
        assertThat(request.system()).contains("SYSTEM FROM FILE", "APPENDED FROM FILE", "cc_workload=nightly");
        // 2.1.332 accepts --thinking-display but always asks the API for adaptive thinking shown as updates
        assertThat(request.body().get("thinking")).isEqualTo(Map.of("type", "adaptive", "display",
                CliVersionRange.compare(CliUnderTest.version(), "2.1.332") >= 0 ? "updates" : "omitted"));
        assertThat(request.body().get("output_config")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("task_budget", Map.of("type", "tokens", "total", 5000));
    }

    @Test
    void maxTurnsEndsATurnThatWantsMore() throws IOException {
        api.enqueue(List.of(toolUse("Bash", Map.of("command", "echo hi"))));
        ClaudeCodeOptions options = CliRun.options(api, scratch)
                .maxTurns(1)
                .tools(BaseTools.only("Bash"))
                .allowedTools("Bash(echo hi)")
                .build();

        Outcome outcome = CliRun.run(options);

        assertThat(outcome.result()).as(outcome.toString()).containsEntry("subtype", "error_max_turns");
    }

    @Test
    void thinkingFlagsReachTheApi() throws IOException {
        // From 2.1.332 every model thinks adaptively: neither a budget nor --thinking=disabled reaches
        // the API (protocol/README.md §13.3); the older CLIs send budget_tokens or disabled.
        boolean budgetsIgnored = CliVersionRange.compare(CliUnderTest.version(), "2.1.332") >= 0;
        Outcome budget = CliRun.run(CliRun.options(api, scratch).model("haiku").thinking(Thinking.enabled(2048)).build());
        assertThat(budget.exitCode()).as(budget.toString()).isZero();
        assertThat(api.firstMain().body().get("thinking")).isEqualTo(budgetsIgnored
                ? Map.of("type", "adaptive", "display", "updates") : Map.of("type", "enabled", "budget_tokens", 2048));

        api.reset();
        Outcome off = CliRun.run(CliRun.options(api, scratch).thinking(Thinking.disabled()).effort(Effort.XHIGH).build());
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(api.firstMain().body().get("thinking")).isEqualTo(budgetsIgnored
                ? Map.of("type", "adaptive", "display", "updates") : Map.of("type", "disabled"));
        assertThat(api.firstMain().body().get("output_config")).isEqualTo(Map.of("effort", "xhigh"));
    }

    @Test
    void listFlagsTakeOneArgumentPerValue() throws IOException {
        Outcome tools = CliRun.run(CliRun.options(api, scratch)
                .tools(BaseTools.only("Bash", "Read", "Edit"))
                .disallowedTools("Edit")
                .build());
        assertThat(tools(tools)).as(tools.toString()).containsExactly("Bash", "Read");

        Outcome none = CliRun.run(CliRun.options(api, scratch).tools(BaseTools.none()).build());
        assertThat(tools(none)).as(none.toString()).isEmpty();

        Path a = Files.createDirectories(scratch.resolve("dir a"));
        Path b = Files.createDirectories(scratch.resolve("-dir-b"));
        api.reset();
        Outcome dirs = CliRun.run(CliRun.options(api, scratch).addDirs(a, b).build());
        assertThat(dirs.exitCode()).as(dirs.toString()).isZero();
        if (dirs.init().containsKey("additional_directories")) {
            // 2.1.332 names them in system/init and no longer in the system prompt
            assertThat(dirs.init().get("additional_directories")).isEqualTo(List.of(a.toString(), b.toString()));
        } else {
            assertThat(api.firstMain().system()).contains(a.toString(), b.toString());
        }

        Outcome betas = CliRun.run(CliRun.options(api, scratch).betas("beta-one", "beta-two").build());
        assertThat(betas.stderr()).as("each value is parsed on its own")
                .contains("Beta header 'beta-one' is not allowed", "Beta header 'beta-two' is not allowed");

        Outcome plugins = CliRun.run(CliRun.options(api, scratch)
                .plugins(plugin(scratch.resolve("p1"), "plugin-one"), plugin(scratch.resolve("p2"), "plugin-two"))
                .build());
        assertThat(names(withoutBuiltins(plugins.init().get("plugins")))).containsExactlyInAnyOrder("plugin-one", "plugin-two");
    }

    @Test
    void mcpConfigsAndServersAreAllLoaded() throws IOException {
        ClaudeCodeOptions options = CliRun.options(api, scratch)
                .mcpConfig("{\"mcpServers\":{\"from-json\":{\"command\":\"false\"}}}")
                .mcpServer("stdio-server", new McpServerConfig.Stdio("false", List.of("-x"), Map.of("K", "v")))
                .mcpServer("sse-server", new McpServerConfig.Sse("http://127.0.0.1:9/sse", Map.of("X-A", "b")))
                .mcpServer("http-server", McpServerConfig.http("http://127.0.0.1:9/mcp"))
                .strictMcpConfig(true)
                .build();

        Outcome outcome = CliRun.run(options);

        // A server whose config the CLI cannot parse is left out; these are listed (and fail to connect).
        assertThat(names(outcome.init().get("mcp_servers"))).as(outcome.toString())
                .containsExactlyInAnyOrder("from-json", "stdio-server", "sse-server", "http-server");
    }

    @Test
    void anAllowRuleWithSpacesStaysOneRule() throws IOException {
        // echo would be allowed as read-only anyway; touch needs a rule or a prompt.
        Map<String, Object> touch = Map.of("command", "touch made-by-rule");
        api.enqueue(List.of(toolUse("Bash", touch)));
        api.enqueue(List.of(text("done")));
        ClaudeCodeOptions allowedOptions = CliRun.options(api, scratch)
                .tools(BaseTools.only("Bash"))
                .allowedTools("Read", "Bash(touch made-by-rule)")
                .permissionPromptTool("stdio")
                .build();

        Outcome allowed = CliRun.run(allowedOptions);

        assertThat(allowed.controlRequests("can_use_tool")).as(allowed.toString()).isEmpty();
        assertThat(allowed.result()).containsEntry("result", "done");
        assertThat(allowedOptions.cwd().orElseThrow().resolve("made-by-rule")).exists();

        api.reset();
        api.enqueue(List.of(toolUse("Bash", touch)));
        api.enqueue(List.of(text("done")));
        Outcome other = CliRun.run(CliRun.options(api, scratch)
                .tools(BaseTools.only("Bash"))
                .allowedTools("Bash(touch other)")
                .permissionPromptTool("stdio")
                .build());

        assertThat(other.controlRequests("can_use_tool")).as("a rule that does not match prompts").hasSize(1);
    }

    @Test
    void switchesAndPlainValuesAreAccepted() throws IOException {
        Path debugLog = scratch.resolve("-debug.log");
        Outcome outcome = CliRun.run(CliRun.options(api, scratch)
                .fallbackModel("haiku")
                .agent("Explore")
                .excludeDynamicSystemPromptSections(true)
                .includePartialMessages(true)
                .replayUserMessages(true)
                .includeHookEvents(true)
                .promptSuggestions(true)
                .disableSlashCommands(true)
                .brief(true)
                .noSessionPersistence(true)
                .allowDangerouslySkipPermissions(true)
                .debugFile(debugLog)
                .build());

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.result()).containsEntry("subtype", "success");
        assertThat(outcome.message("stream_event", null)).as("partial messages").isPresent();
        assertThat(outcome.stdout()).as("replayed user message")
                .anySatisfy(m -> assertThat(m).containsEntry("type", "user").containsEntry("isReplay", true));
        assertThat((List<?>) outcome.init().get("slash_commands")).as("slash commands disabled").isEmpty();
        assertThat(debugLog).isNotEmptyFile();

        Outcome bare = CliRun.run(CliRun.options(api, scratch).bare(true).safeMode(true).build());
        assertThat(bare.result()).as(bare.toString()).containsEntry("subtype", "success");
    }

    @Test
    void aNamedWorktreeBecomesTheWorkingDirectory() throws IOException, InterruptedException {
        ClaudeCodeOptions options = CliRun.options(api, scratch).worktreeName("it-tree").build();
        Path repository = options.cwd().orElseThrow();
        Process git = new ProcessBuilder("sh", "-c",
                "git init -q && git -c user.email=it@example.invalid -c user.name=it commit -q --allow-empty -m init")
                .directory(repository.toFile()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)
                && git.exitValue() == 0, "git is not available");

        Outcome outcome = CliRun.run(options);

        assertThat((String) outcome.init().get("cwd")).as(outcome.toString()).endsWith("it-tree");
    }

    @Test
    void jsonValuesArriveIntact() throws IOException {
        Outcome settings = CliRun.run(CliRun.options(api, scratch).settingsJson("{\"model\": \"haiku\"}").build());
        assertThat((String) settings.init().get("model")).as(settings.toString()).contains("haiku");

        // outputFormat, systemPrompt and appendSystemPrompt travel in the initialize request: see InitializeIT
        Outcome sources = CliRun.run(CliRun.options(api, scratch).settingSources(List.of()).build());
        assertThat(sources.result()).as(sources.toString()).containsEntry("subtype", "success");
    }

    @Test
    void aSandboxReachesTheCliThroughItsSettings() throws IOException {
        Outcome outcome = CliRun.run(CliRun.options(api, scratch)
                .settings(Map.of("model", "haiku"))
                .sandbox(Map.of("enabled", true))
                .build());

        if (outcome.exitCode() == 0) {
            assertThat((String) outcome.init().get("model")).contains("haiku");
        } else {
            // Without bubblewrap the CLI must refuse to start rather than run Bash unsandboxed.
            assertThat(outcome.stderr()).as(outcome.toString()).contains("sandbox required but unavailable");
        }
    }

    @Test
    void valuesBeginningWithADashAreValuesNotFlags() throws IOException {
        Outcome outcome = CliRun.run(CliRun.options(api, scratch)
                .model("-odd-model")
                .name("-named")
                .debugFilter("!1p,!file")
                .build());

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.init()).containsEntry("model", "-odd-model");
        // the API request asks for it (2.1.332 no longer names an unknown model in the system prompt)
        assertThat(api.firstMain().body()).containsEntry("model", "-odd-model");

        Outcome resume = CliRun.run(CliRun.options(api, scratch).start(SessionStart.resume("-no-such-session")).build());
        assertThat(resume.exitCode()).isEqualTo(1);
        assertThat(resume.stderr()).contains("\"-no-such-session\"");
    }

    @Test
    void permissionModeAndBudgetReachTheSession() throws IOException {
        Outcome plan = CliRun.run(CliRun.options(api, scratch).permissionMode(PermissionMode.PLAN).build());
        assertThat(plan.init()).as(plan.toString()).containsEntry("permissionMode", "plan");

        Outcome bypass = CliRun.run(CliRun.options(api, scratch).dangerouslySkipPermissions(true).build());
        assertThat(bypass.init()).as(bypass.toString()).containsEntry("permissionMode", "bypassPermissions");

        Outcome budget = CliRun.run(CliRun.options(api, scratch).maxBudgetUsd(0.0001).build());
        assertThat(budget.result()).as(budget.toString()).containsEntry("subtype", "error_max_budget_usd");
    }

    @Test
    void sessionFlagsSelectTheSession() throws IOException {
        UUID id = UUID.randomUUID();
        Outcome first = CliRun.run(CliRun.options(api, scratch).start(SessionStart.newSession(id)).build());
        assertThat(first.init()).as(first.toString()).containsEntry("session_id", id.toString());
        // The CLI looks the message up by its envelope uuid, not by message.id as its help says.
        String messageUuid = (String) first.message("assistant", null).orElseThrow().get("uuid");

        Outcome resumed = CliRun.run(CliRun.options(api, scratch)
                .start(SessionStart.resume(id.toString()).atMessage(messageUuid)).build());
        assertThat(resumed.init()).as(resumed.toString()).containsEntry("session_id", id.toString());

        UUID forkId = UUID.randomUUID();
        Outcome forked = CliRun.run(CliRun.options(api, scratch).start(SessionStart.resume(id.toString()).forked(forkId)).build());
        assertThat(forked.init()).as(forked.toString()).containsEntry("session_id", forkId.toString());

        Outcome continued = CliRun.run(CliRun.options(api, scratch).start(SessionStart.continueLatest()).build());
        assertThat(continued.init()).as(continued.toString()).containsEntry("session_id", forkId.toString());
    }

    @Test
    void theEnvironmentMakesAnSdkSessionAndCarriesTheKey() throws IOException {
        ClaudeCodeOptions options = CliRun.options(api, scratch).apiKey("sk-it-environment-key").build();

        Outcome outcome = CliRun.run(options);

        assertThat(outcome.argv()).noneSatisfy(argument -> assertThat(argument).contains("sk-it-environment-key"));
        LoopbackMessagesApi.Request request = api.firstMain();
        assertThat(request.headers()).containsEntry("x-api-key", "sk-it-environment-key");
        assertThat(request.headers().get("user-agent")).contains("sdk-cli", "agent-sdk/" + BuildInfo.libraryVersion());
        assertThat(request.system()).contains("cc_entrypoint=sdk-cli");
    }

    @Test
    void flagsOfNewerClisReachTheSession() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(CliVersionRange.compare(CliUnderTest.version(), "2.1.332") >= 0,
                "--permission-prompts, --project-config-root and --await-initialize came after CLI " + CliUnderTest.version());
        // Nobody answers permission prompts: the CLI denies at once and says why, without asking the host.
        api.enqueue(List.of(toolUse("Bash", Map.of("command", "touch denied-file"))));
        api.enqueue(List.of(text("done")));
        Outcome none = CliRun.run(CliRun.options(api, scratch).tools(BaseTools.only("Bash"))
                .permissionPrompts(PermissionPrompts.NONE).build());
        assertThat(none.result()).as(none.toString()).containsEntry("subtype", "success");
        assertThat(none.controlRequests("can_use_tool")).isEmpty();
        assertThat(messagesOfTheLastMainRequest()).contains("no approval surface");

        // The project's configuration comes from the checkout named, not from the working directory.
        Path checkout = Files.createDirectories(scratch.resolve("checkout/.claude/commands"));
        Files.writeString(checkout.resolve("from-checkout.md"), "Say hi.");
        api.reset();
        Outcome withRoot = CliRun.run(CliRun.options(api, scratch).projectConfigRoot(checkout.getParent().getParent()).build());
        assertThat(slashCommands(withRoot)).as(withRoot.toString()).contains("from-checkout");
        Outcome withoutRoot = CliRun.run(CliRun.options(api, scratch).build());
        assertThat(slashCommands(withoutRoot)).doesNotContain("from-checkout");

        // Plugins delivered in initialize: the CLI waits for the request before it boots.
        Outcome awaiting = CliRun.run(CliRun.options(api, scratch).plugins(plugin(scratch.resolve("p-init"), "init-plugin"))
                .pluginDelivery(PluginDelivery.INITIALIZE).build());
        assertThat(awaiting.argv()).contains("--await-initialize").noneMatch(argument -> argument.startsWith("--plugin-dir"));
        assertThat(awaiting.result()).as(awaiting.toString()).containsEntry("subtype", "success");
    }

    @Test
    void flagsOfNewerClisAreRefusedByOlderOnes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(CliVersionRange.compare(CliUnderTest.version(), "2.1.332") < 0,
                "CLI " + CliUnderTest.version() + " knows the newer flags");
        Outcome outcome = CliRun.run(CliRun.options(api, scratch).permissionPrompts(PermissionPrompts.NONE).build());

        assertThat(outcome.exitCode()).as(outcome.toString()).isNotZero();
        assertThat(outcome.stderr()).contains("unknown option '--permission-prompts");
    }

    @SuppressWarnings("unchecked")
    private static List<String> slashCommands(Outcome outcome) {
        return (List<String>) outcome.init().get("slash_commands");
    }

    private static String messagesOfTheLastMainRequest() {
        List<LoopbackMessagesApi.Request> main = api.requests().stream().filter(LoopbackMessagesApi.Request::main).toList();
        return Json.write(main.getLast().body().get("messages"));
    }

    private static Set<String> helpFlags(String help) {
        // Option lines are indented by exactly two spaces; wrapped descriptions are indented further.
        Pattern optionLine = Pattern.compile("^ {2}(-\\S.*?)(?: {2,}|$)", Pattern.MULTILINE);
        Pattern flag = Pattern.compile("--[A-Za-z][\\w-]*");
        Set<String> flags = new LinkedHashSet<>();
        Matcher lines = optionLine.matcher(help);
        while (lines.find()) {
            Matcher names = flag.matcher(lines.group(1).replaceAll("[<\\[].*$", ""));
            while (names.find()) {
                flags.add(names.group());
            }
        }
        return flags;
    }

    @SuppressWarnings("unchecked")
    private static List<String> tools(Outcome outcome) {
        return (List<String>) outcome.init().get("tools");
    }

    /** The plugins of system/init less the CLI's built-in ones, which 2.1.332 lists with path "builtin". */
    private static List<Object> withoutBuiltins(Object plugins) {
        return ((List<?>) plugins).stream().filter(plugin -> !"builtin".equals(((Map<?, ?>) plugin).get("path")))
                .map(Object.class::cast).toList();
    }

    private static List<Object> names(Object entries) {
        return ((List<?>) entries).stream().map(entry -> ((Map<?, ?>) entry).get("name")).map(Object.class::cast).toList();
    }

    private static Path plugin(Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve(".claude-plugin"));
        Files.writeString(dir.resolve(".claude-plugin/plugin.json"), "{\"name\":\"" + name + "\",\"version\":\"0.0.1\"}");
        return dir;
    }
}
