package dev.claudecode.tests.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.claudecode.ClaudeCode;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.UserInput;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.control.InterruptReceipt;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.BaseTools;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Effort;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.SessionStart;
import dev.claudecode.options.Skills;
import dev.claudecode.options.ToolConfig;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of the official TypeScript SDK 0.3.336 that reach the CLI through the
 * {@code initialize} request, the user line, the environment or {@code --resume-drops-turn},
 * proven against the real CLI through the fake API: each changes what the CLI sends the model or
 * what it reports. The flags of the command line are proven by the core's {@code CliArgumentsIT};
 * MCP server and tool options by {@link McpOptionsIT}.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class OptionsParityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path cwd;

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment());
    }

    private static boolean atLeast(String version) {
        return CliVersionRange.compare(TestCli.version(), version) >= 0;
    }

    private static void assumeAtLeast(String version, String feature) {
        assumeTrue(atLeast(version), feature + " came after CLI " + TestCli.version());
    }

    @Test
    void skillsLimitTheSkillsTheModelIsOffered(FakeClaudeApi api) throws IOException {
        skill("alpha-skill", "Writes alpha reports");
        skill("beta-skill", "Writes beta reports");
        api.enqueue(Reply.text("all"), Reply.text("one"));

        try (Session session = ClaudeCode.start(options(api).build())) {
            session.query("hello");
        }
        try (Session session = ClaudeCode.start(options(api).skills(Skills.only("alpha-skill")).build())) {
            session.query("hello");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(mentions(main.get(0), "alpha-skill") && mentions(main.get(0), "beta-skill")).as("both skills offered").isTrue();
        assertThat(mentions(main.get(1), "alpha-skill")).as("the listed skill offered").isTrue();
        assertThat(mentions(main.get(1), "beta-skill")).as("the other skill offered").isFalse();
    }

    @Test
    void aToolAliasRunsTheTargetTool(FakeClaudeApi api) {
        SdkMcpServer calc = SdkMcpServer.builder("calc")
                .tool("add", "Add two numbers", Map.of("type", "object", "properties",
                        Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number"))),
                        args -> ToolResult.text("sum=" + (((Number) args.get("a")).intValue() + ((Number) args.get("b")).intValue())))
                .build();
        api.enqueue(Reply.toolUse("Calculate", Map.of("a", 2, "b", 3)), Reply.text("done"));

        try (Session session = ClaudeCode.start(options(api)
                .mcpServer("calc", McpServerConfig.sdk(calc))
                .allowedTools("mcp__calc__add")
                .toolAlias("Calculate", "mcp__calc__add")
                .build())) {
            assertThat(session.query("add").isError()).isFalse();
        }

        assertThat(api.log().main().getLast().toolResults()).singleElement()
                .satisfies(result -> assertThat(result.text()).isEqualTo("sum=5"));
    }

    @Test
    void verbatimPromptsAreDeliveredAsWritten(FakeClaudeApi api) throws IOException {
        assumeAtLeast("2.1.248", "client_composed");
        Files.writeString(cwd.resolve("hello.txt"), "MARKER-FILE-CONTENT");
        api.enqueue(Reply.text("expanded"), Reply.text("verbatim"), Reply.text("verbatim again"));

        try (Session session = ClaudeCode.start(options(api).build())) {
            session.query("look at @hello.txt");
            session.stream(UserInput.text("and again at @hello.txt").asVerbatim()).result();
        }
        try (Session session = ClaudeCode.start(options(api).verbatimPrompts(true).build())) {
            session.query("and once more at @hello.txt");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(mentions(main.get(0), "MARKER-FILE-CONTENT")).as("the mention expanded").isTrue();
        assertThat(main.get(1).lastUserText()).contains("and again at @hello.txt");
        assertThat(main.get(1).rawBody().split("MARKER-FILE-CONTENT", -1)).as("only the first turn's expansion").hasSize(2);
        assertThat(mentions(main.get(2), "MARKER-FILE-CONTENT")).as("a verbatim prompt's mention expanded").isFalse();
    }

    @Test
    void forwardSubagentTextSendsTheSubagentsOwnMessages(FakeClaudeApi api) {
        List<Message> forwarded = runForegroundSubagent(api, true);
        List<Message> quiet = runForegroundSubagent(api, false);

        assertThat(forwarded).anyMatch(OptionsParityIT::subagentText);
        assertThat(quiet).noneMatch(OptionsParityIT::subagentText);
    }

    @Test
    void agentProgressSummariesAreSwitchedOnForSubagents(FakeClaudeApi api) throws IOException {
        assumeAtLeast("2.1.332", "The SDK's agentProgressSummaries");
        // The CLI summarises every 30 s at the earliest; with summaries switched off by its
        // variable it logs that the option asked for them, which proves the option arrived.
        Path withOption = cwd.resolve("with.log");
        Path without = cwd.resolve("without.log");
        runSubagentLogged(api, withOption, true);
        runSubagentLogged(api, without, false);

        assertThat(Files.readString(withOption)).contains("[AgentSummary] No progress summaries for");
        assertThat(Files.readString(without)).doesNotContain("[AgentSummary]");
    }

    @Test
    void perTaskStopAffordanceKeepsBackgroundAgentsRunningThroughAnInterrupt(FakeClaudeApi api) throws Exception {
        assumeAtLeast("2.1.332", "perTaskStopAffordance");
        List<Message> declared = interruptWhileABackgroundAgentRuns(api, true);
        List<Message> undeclared = interruptWhileABackgroundAgentRuns(api, false);

        assertThat(declared).noneMatch(m -> m instanceof TaskNotificationMessage n && n.status().equals("stopped"));
        assertThat(undeclared).anyMatch(m -> m instanceof TaskNotificationMessage n && n.status().equals("stopped"));
    }

    @Test
    void aTruncatingResumeIsCheckedAgainstTheTurnItDrops(FakeClaudeApi api) {
        assumeAtLeast("2.1.332", "--resume-drops-turn");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        api.enqueue(Reply.text("answer one"), Reply.text("answer two"), Reply.text("after the drop"));
        String sessionId;
        String firstAnswer;
        try (Session session = ClaudeCode.start(options(api).build())) {
            try (MessageStream turn = session.stream(UserInput.text("MARKER-ONE").withUuid(first))) {
                firstAnswer = turn.stream().filter(AssistantMessage.class::isInstance).map(Message::uuid)
                        .flatMap(java.util.Optional::stream).reduce((a, b) -> b).orElseThrow();
            }
            session.stream(UserInput.text("MARKER-TWO").withUuid(second)).result();
            sessionId = session.sessionId().orElseThrow();
        }

        try (Session resumed = ClaudeCode.start(options(api)
                .start(SessionStart.resume(sessionId).atMessage(firstAnswer).droppingTurn(second)).build())) {
            assertThat(resumed.query("MARKER-THREE").isError()).isFalse();
        }
        RecordedRequest afterDrop = api.log().main().getLast();
        assertThat(afterDrop.allUserText()).contains("MARKER-ONE", "MARKER-THREE").doesNotContain("MARKER-TWO");

        try (Session refused = ClaudeCode.start(options(api)
                .start(SessionStart.resume(sessionId).atMessage(firstAnswer).droppingTurn(UUID.randomUUID().toString())).build())) {
            ResultMessage result = refused.query("MARKER-FOUR");
            assertThat(result.isError()).isTrue();
            assertThat(String.join("\n", result.errors()) + result.result().orElse(""))
                    .contains("Resume rejected by --resume-drops-turn");
        }
    }

    @Test
    void toolConfigSetsTheQuestionPreviewFormat(FakeClaudeApi api) {
        api.enqueue(Reply.text("markdown"), Reply.text("html"));
        ClaudeCodeOptions.Builder base = options(api).tools(BaseTools.only("AskUserQuestion", "Bash"))
                .canUseTool(request -> PermissionResult.allow());
        try (Session session = ClaudeCode.start(base.build())) {
            session.query("hello");
        }
        try (Session session = ClaudeCode.start(base.toolConfig(ToolConfig.askUserQuestionPreview(ToolConfig.PreviewFormat.HTML)).build())) {
            session.query("hello");
        }

        List<RecordedRequest> main = api.log().main();
        assertThat(askUserQuestion(main.get(0))).doesNotContain("HTML");
        assertThat(askUserQuestion(main.get(1))).contains("HTML");
    }

    @Test
    void pluginsDeliveredInInitializeAreLoaded(FakeClaudeApi api) throws IOException {
        assumeAtLeast("2.1.332", "PluginDelivery.INITIALIZE (--await-initialize)");
        Path plugin = Files.createDirectories(cwd.resolve("plugin/.claude-plugin")).getParent();
        Files.writeString(plugin.resolve(".claude-plugin/plugin.json"), "{\"name\":\"init-plugin\",\"version\":\"0.0.1\"}");
        api.enqueue(Reply.text("ok"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());

        try (Session session = ClaudeCode.start(options(api).plugins(plugin).pluginDelivery(PluginDelivery.INITIALIZE).build())) {
            session.addListener(seen::add);
            session.query("hello");
            assertThat(session.control().serverInfo().raw()).containsEntry("plugins_applied", true);
        }

        assertThat(seen).filteredOn(InitMessage.class::isInstance).singleElement()
                .satisfies(init -> assertThat(((InitMessage) init).plugins()).anyMatch(p -> p.name().equals("init-plugin")));
    }

    @Test
    void aSystemPromptOfBlocksLosesItsBoundaryAndIsSnapshotWhenAsked(FakeClaudeApi api) throws IOException {
        assumeAtLeast("2.1.332", "SYSTEM_PROMPT_DYNAMIC_BOUNDARY and systemPromptSnapshot");
        api.enqueue(Reply.text("recorded"), Reply.text("fresh"));
        String recordedId;
        String freshId;
        try (Session session = ClaudeCode.start(options(api)
                .systemPrompt(PromptText.blocks("MARKER-STATIC", PromptText.DYNAMIC_BOUNDARY, "MARKER-DYNAMIC"))
                .systemPromptSnapshot(true).build())) {
            session.query("hello");
            recordedId = session.sessionId().orElseThrow();
        }
        try (Session session = ClaudeCode.start(options(api).systemPrompt("MARKER-FRESH").systemPromptSnapshot(false).build())) {
            session.query("hello");
            freshId = session.sessionId().orElseThrow();
        }

        String system = api.log().main().getFirst().systemText();
        assertThat(system).contains("MARKER-STATIC", "MARKER-DYNAMIC").doesNotContain(PromptText.DYNAMIC_BOUNDARY);
        assertThat(transcript(api, recordedId)).contains("\"prompt_snapshot\"");
        assertThat(transcript(api, freshId)).doesNotContain("\"prompt_snapshot\"");
    }

    @Test
    void everyAgentFieldIsAcceptedAndTheSubagentRunsWithThem(FakeClaudeApi api) {
        AgentDefinition helper = AgentDefinition.builder("Helps with MARKER-HELP tasks", "MARKER-AGENT-PROMPT")
                .tools("Read", "Grep")
                .disallowedTools(List.of("Grep"))
                .model("haiku")
                .maxTurns(2)
                .mcpServer("calc")
                .criticalSystemReminder("MARKER-REMINDER")
                .skills("alpha-skill")
                .initialPrompt("MARKER-INITIAL")
                .autoCompactWindow(120_000)
                .omitClaudeMd(true)
                .memory(AgentDefinition.Memory.LOCAL)
                .effort(Effort.LOW)
                .observerMessage("MARKER-OBSERVER")
                .build();
        api.enqueue(Reply.toolUse("Agent", Map.of("description", "help", "prompt", "MARKER-TASK",
                "subagent_type", "helper", "run_in_background", false)), Reply.text("helped"), Reply.text("done"));

        // the fields that would change how this test's subagent runs, on an agent of their own
        AgentDefinition watched = AgentDefinition.builder("Runs watched in the background", "You run.")
                .background(true)
                .permissionMode(PermissionMode.PLAN)
                .observer("Explore")
                .effort(3)
                .build();

        try (Session session = ClaudeCode.start(options(api).agentDefinition("helper", helper)
                .agentDefinition("watched", watched).build())) {
            // the CLI drops a definition it cannot read, so being listed means every field was accepted
            assertThat(session.control().serverInfo().agent("helper").orElseThrow().model()).contains("haiku");
            assertThat(session.control().serverInfo().agent("watched")).isPresent();
            session.query("delegate");
        }

        RecordedRequest subagent = api.log().main().stream().filter(r -> r.rawBody().contains("MARKER-TASK")
                && r.systemText().contains("MARKER-AGENT-PROMPT")).findFirst().orElseThrow();
        assertThat(subagent.model()).hasValueSatisfying(model -> assertThat(model).startsWith("claude-haiku"));
        assertThat(subagent.systemText().contains("agent-memory-local/helper/")).as("the agent's local memory").isTrue();
        assertThat(subagent.toolNames()).contains("Read").doesNotContain("Grep", "Bash");
        if (atLeast("2.1.332")) {
            assertThat(subagent.outputConfig()).containsEntry("effort", "low");
        }
    }

    @Test
    void anAgentsInitialPromptOpensTheMainThread(FakeClaudeApi api) {
        AgentDefinition starter = AgentDefinition.builder("Starts with a prompt of its own", "You start.")
                .initialPrompt("MARKER-INITIAL-PROMPT").build();
        api.enqueue(Reply.text("started"), Reply.text("started"));

        try (Session session = ClaudeCode.start(options(api).agentDefinition("starter", starter).agent("starter").build())) {
            session.query("MARKER-USER");
        }

        assertThat(api.log().main()).anySatisfy(request -> assertThat(request.allUserText()).contains("MARKER-INITIAL-PROMPT"));
    }

    // ---------------------------------------------------------------- helpers

    private void skill(String name, String description) throws IOException {
        Path dir = Files.createDirectories(cwd.resolve(".claude/skills/" + name));
        Files.writeString(dir.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: " + description + "\n---\nDo it.\n");
    }

    private List<Message> runForegroundSubagent(FakeClaudeApi api, boolean forward) {
        api.enqueue(Reply.toolUse("Agent", Map.of("description", "sub task", "prompt", "do the sub task",
                "subagent_type", "general-purpose", "run_in_background", false)),
                Reply.text("MARKER-SUBAGENT-TEXT"), Reply.text("done"));
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api).forwardSubagentText(forward).build())) {
            session.addListener(seen::add);
            try (MessageStream turn = session.stream("delegate")) {
                turn.forEach(seen::add);
            }
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private static boolean subagentText(Message message) {
        return message instanceof AssistantMessage assistant && assistant.parentToolUseId().isPresent()
                && assistant.raw().toString().contains("MARKER-SUBAGENT-TEXT");
    }

    private void runSubagentLogged(FakeClaudeApi api, Path debugFile, boolean summaries) {
        api.enqueue(Reply.toolUse("Agent", Map.of("description", "sub task", "prompt", "do the sub task",
                "subagent_type", "general-purpose", "run_in_background", false)), Reply.text("sub done"), Reply.text("done"));
        try (Session session = ClaudeCode.start(options(api).debugFile(debugFile)
                .env("CLAUDE_CODE_DISABLE_AGENT_PROGRESS_SUMMARIES", "1")
                .agentProgressSummaries(summaries).build())) {
            session.query("delegate");
        }
    }

    private List<Message> interruptWhileABackgroundAgentRuns(FakeClaudeApi api, boolean declared) throws Exception {
        api.clearScript();
        Reply slow = Reply.builder().text("s".repeat(80)).textChunkSize(1).eventDelay(Duration.ofMillis(200)).build();
        api.enqueue(Reply.toolUse("Agent", Map.of("description", "sub task", "prompt", "do the sub task",
                "subagent_type", "general-purpose")), slow, slow);
        List<Message> seen = Collections.synchronizedList(new ArrayList<>());
        try (Session session = ClaudeCode.start(options(api).perTaskStopAffordance(declared).build())) {
            session.addListener(seen::add);
            MessageStream turn = session.stream("delegate in the background");
            Thread.ofVirtual().start(() -> turn.forEach(seen::add));
            await("the background agent started", () -> snapshot(seen).stream().anyMatch(TaskStartedMessage.class::isInstance));
            Thread.sleep(1000);
            java.util.Optional<InterruptReceipt> receipt = session.interrupt();
            assertThat(receipt).as("2.1.332 sends an interrupt receipt").isPresent();
            Thread.sleep(3000);
            return snapshot(seen);
        }
    }

    private static boolean mentions(RecordedRequest request, String text) {
        return request.rawBody().contains(text);
    }

    private static String askUserQuestion(RecordedRequest request) {
        Object tools = request.body().get("tools");
        return ((List<?>) tools).stream().filter(tool -> "AskUserQuestion".equals(((Map<?, ?>) tool).get("name")))
                .map(Object::toString).findFirst().orElseThrow(() -> new AssertionError("no AskUserQuestion in " + request.toolNames()));
    }

    private static String transcript(FakeClaudeApi api, String sessionId) throws IOException {
        try (Stream<Path> files = Files.walk(api.configDir().resolve("projects"))) {
            Path file = files.filter(p -> p.getFileName().toString().equals(sessionId + ".jsonl")).findFirst().orElseThrow();
            return Files.readString(file);
        }
    }

    private static List<Message> snapshot(List<Message> seen) {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(25);
        }
    }
}
