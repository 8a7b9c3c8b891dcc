package dev.claudecode.tests.control;

import static dev.claudecode.tests.control.ControlFixtures.cliPid;
import static dev.claudecode.tests.control.ControlFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.SessionStart;
import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.Session;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The initialize handshake against the real CLI: what it carries, what it answers, and that every launch repeats it. */
@ExtendWith(FakeClaudeApiExtension.class)
class InitializeIT {

    private static final AgentDefinition REVIEWER = AgentDefinition.builder("Reviews code for bugs", "You are a strict code reviewer.")
            .tools("Read", "Grep").model("sonnet").build();

    @TempDir
    Path cwd;

    @Test
    void serverInfoDescribesTheCliAndListsTheConfiguredAgent(FakeClaudeApi api) {
        try (Session session = ClaudeCode.start(options(api, cwd).agentDefinition("reviewer", REVIEWER).build())) {
            ServerInfo info = session.control().serverInfo();

            assertThat(info.commands()).extracting(SlashCommand::name).contains("compact", "clear");
            assertThat(info.models()).extracting(m -> m.value()).contains("default", "sonnet");
            assertThat(info.model("default").orElseThrow().supportedEffortLevels()).contains("low", "high");
            assertThat(info.agent("reviewer").orElseThrow().description()).isEqualTo("Reviews code for bugs");
            assertThat(info.agent("reviewer").orElseThrow().model()).contains("sonnet");
            assertThat(info.account().apiKeySource()).contains("ANTHROPIC_API_KEY");
            assertThat(info.outputStyle()).isEqualTo("default");
            assertThat(info.availableOutputStyles()).contains("default");
            assertThat(info.pid()).hasValue(cliPid(session));
            assertThat(session.control().supportedAgents()).isEqualTo(info.agents());
            assertThat(session.control().supportedModels()).isEqualTo(info.models());
            assertThat(session.control().supportedCommands()).isEqualTo(info.commands());
            assertThat(session.control().accountInfo()).isEqualTo(info.account());
        }
    }

    @Test
    void theSessionCanRunAsAnAgentDefinedInInitialize(FakeClaudeApi api) {
        api.enqueue(Reply.text("Looks fine"));
        AgentDefinition quick = AgentDefinition.builder("Quick reviews", "MARKER-AGENT-PROMPT: review briefly.").model("haiku").build();
        try (Session session = ClaudeCode.start(options(api, cwd).agentDefinition("quick", quick).agent("quick").build())) {
            assertThat(session.stream("review this").finalText()).isEqualTo("Looks fine");
        }
        RecordedRequest request = api.lastMainRequest().orElseThrow();
        assertThat(request.model()).hasValueSatisfying(model -> assertThat(model).startsWith("claude-haiku"));
        assertThat(request.systemText()).contains("MARKER-AGENT-PROMPT");
    }

    @Test
    void systemPromptsTooLargeForACommandLineReachTheModel(FakeClaudeApi api) {
        // Linux refuses a single argument over 128 KiB, so this prompt could not go on the command line.
        String systemPrompt = "You are a pirate. ".repeat(12_000) + "MARKER-SYSTEM";
        api.enqueue(Reply.text("Arr"));
        try (Session session = ClaudeCode.start(options(api, cwd)
                .systemPrompt(systemPrompt)
                .appendSystemPrompt("MARKER-APPENDED")
                .build())) {
            assertThat(session.stream("hello").finalText()).isEqualTo("Arr");
        }
        String system = api.lastMainRequest().orElseThrow().systemText();
        assertThat(systemPrompt.length()).isGreaterThan(200_000);
        assertThat(system).contains("MARKER-SYSTEM", "MARKER-APPENDED");
        assertThat(system).doesNotContain("You are an interactive agent");
    }

    @Test
    void theOutputFormatInInitializeGivesAStructuredResult(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("StructuredOutput", Map.of("answer", 8)));
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("answer", Map.of("type", "number")), "required", List.of("answer"));
        ResultMessage result = ClaudeCode.query("What is 5 + 3?", options(api, cwd).outputFormat(schema).build());

        assertThat(result.structuredOutput()).contains(Map.of("answer", 8));
        assertThat(api.lastMainRequest().orElseThrow().toolNames()).contains("StructuredOutput");
    }

    @Test
    void aRelaunchedCliGetsTheSameInitialize(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("first"), Reply.text("second"));
        try (Session session = ClaudeCode.start(options(api, cwd)
                .appendSystemPrompt("MARKER-APPENDED")
                .agentDefinition("reviewer", REVIEWER)
                .build())) {
            session.query("one");
            long firstPid = ControlFixtures.killCliAfterItSaved(session, api, "first");

            ResultMessage second = session.query("two");

            assertThat(second.result()).as(second.toString()).contains("second");
            assertThat(cliPid(session)).isNotEqualTo(firstPid);
            assertThat(session.control().serverInfo().agent("reviewer")).isPresent();
            assertThat(session.control().serverInfo().pid()).hasValue(cliPid(session));
        }
        List<RecordedRequest> main = api.log().main();
        assertThat(main.getLast().systemText()).contains("MARKER-APPENDED");
        assertThat(main.getLast().allUserText()).contains("one", "two");
    }

    @Test
    void aCliThatExitsBeforeAnsweringFailsServerInfoWithItsExit(FakeClaudeApi api) {
        long started = System.nanoTime();
        try (Session session = ClaudeCode.start(options(api, cwd).start(SessionStart.resume("00000000-0000-4000-8000-00000000dead")).build())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(session.control()::serverInfo)
                    .isInstanceOf(CliProcessException.class)
                    .hasMessageContaining("No conversation found")
                    .satisfies(e -> assertThat(((CliProcessException) e).exitStatus()).hasValue(1));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }
}
