package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.Effort;
import dev.claudecode.options.PluginDelivery;
import dev.claudecode.options.PromptText;
import dev.claudecode.options.Skills;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpToolPolicy;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.permission.PermissionMode;
import java.time.Duration;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import java.nio.file.Path;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InitializeRequestTest {

    private static final AgentDefinition REVIEWER = AgentDefinition.builder("Reviews code for bugs", "You are a strict code reviewer.")
            .tools("Read", "Grep").model("sonnet").build();

    @Test
    void withoutConfigurationItIsTheBareRequestOfTranscript01() {
        assertThat(InitializeRequest.of(ClaudeCodeOptions.builder().build(), List.of())).isEqualTo(recorded("01_initialize_plain.jsonl"));
    }

    @Test
    void agentsHaveTheRecordedShape() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().agentDefinition("reviewer", REVIEWER).build();

        assertThat(InitializeRequest.of(options, List.of())).isEqualTo(recorded("03_initialize_agents.jsonl"));
    }

    @Test
    void contributionsAddHooksAndSdkServersNextToTheOptionsAsInTranscript06() {
        JsonNode everything = recorded("06_initialize_everything.jsonl");
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .agentDefinition("reviewer", REVIEWER)
                .appendSystemPrompt("Always answer briefly.")
                .build();
        // stand-ins for the hook and SDK MCP registries, which register themselves this way
        List<InitializeRequest.Contribution> contributions = List.of(
                request -> request.set("hooks", everything.get("hooks")),
                request -> request.putArray("sdkMcpServers").add("calc"));

        assertThat(InitializeRequest.of(options, contributions)).isEqualTo(everything);
    }

    @Test
    void largeConfigurationTravelsHereInTheFormTheCliReads() {
        String prompt = "You are a pirate. ".repeat(20_000);
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .systemPrompt(prompt)
                .appendSystemPrompt("Arr.")
                .outputFormat(Map.of("type", "object", "properties", Map.of("answer", Map.of("type", "number"))))
                .promptSuggestions(true)
                .build();

        JsonNode request = InitializeRequest.of(options, List.of());

        assertThat(request.get("systemPrompt").isArray()).isTrue();
        assertThat(Json.strings(request.get("systemPrompt"))).containsExactly(prompt);
        assertThat(request.get("appendSystemPrompt").stringValue()).isEqualTo("Arr.");
        assertThat(request.get("jsonSchema")).isEqualTo(Json.toNode(options.outputFormat().orElseThrow()));
        assertThat(request.get("promptSuggestions").booleanValue()).isTrue();
    }

    @Test
    void promptsReadFromFilesAreLeftToTheCommandLine() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .systemPrompt(Path.of("system.md"))
                .appendSystemPrompt(PromptText.file(Path.of("append.md")))
                .build();

        assertThat(InitializeRequest.of(options, List.of())).isEqualTo(recorded("01_initialize_plain.jsonl"));
    }

    @Test
    void everyAgentFieldIsEncodedAndEmptyOnesAreLeftOut() {
        AgentDefinition full = AgentDefinition.builder("Finds files", "Search.")
                .tools(List.of())
                .disallowedTools(List.of("mcp__web"))
                .model("haiku")
                .maxTurns(3)
                .build();

        assertThat(InitializeRequest.agent(full)).isEqualTo(Json.parse(
                "{\"description\":\"Finds files\",\"prompt\":\"Search.\",\"tools\":[],\"disallowedTools\":[\"mcp__web\"],"
                        + "\"model\":\"haiku\",\"maxTurns\":3}"));
        assertThat(InitializeRequest.agent(AgentDefinition.of("Finds files", "Search.")))
                .isEqualTo(Json.parse("{\"description\":\"Finds files\",\"prompt\":\"Search.\"}"));
    }

    @Test
    void allEighteenAgentFieldsAreEncodedWithTheirWireNames() {
        AgentDefinition full = AgentDefinition.builder("Finds files", "Search.")
                .tools("Read")
                .disallowedTools(List.of("mcp__web"))
                .model("haiku")
                .maxTurns(3)
                .mcpServer("docs")
                .mcpServer("local", McpServerConfig.stdio("mcp-local", "--quiet"))
                .criticalSystemReminder("Never write.")
                .skills("pdf")
                .initialPrompt("/status")
                .autoCompactWindow(150_000)
                .background(true)
                .omitClaudeMd(true)
                .memory(AgentDefinition.Memory.PROJECT)
                .effort(Effort.HIGH)
                .permissionMode(PermissionMode.PLAN)
                .observer("auditor,critic")
                .observerMessage("Be brief.")
                .build();

        JsonNode json = InitializeRequest.agent(full);

        assertThat(json).isEqualTo(Json.parse("{\"description\":\"Finds files\",\"prompt\":\"Search.\",\"tools\":[\"Read\"],"
                + "\"disallowedTools\":[\"mcp__web\"],\"model\":\"haiku\",\"maxTurns\":3,"
                + "\"mcpServers\":[\"docs\",{\"local\":{\"type\":\"stdio\",\"command\":\"mcp-local\",\"args\":[\"--quiet\"]}}],"
                + "\"criticalSystemReminder_EXPERIMENTAL\":\"Never write.\",\"skills\":[\"pdf\"],\"initialPrompt\":\"/status\","
                + "\"autoCompactWindow\":150000,\"background\":true,\"omitClaudeMd\":true,\"memory\":\"project\",\"effort\":\"high\","
                + "\"permissionMode\":\"plan\",\"observer\":\"auditor,critic\",\"observerMessage\":\"Be brief.\"}"));
        assertThat(json.size()).isEqualTo(18);
        assertThat(InitializeRequest.agent(AgentDefinition.builder("d", "p").effort(7).build()).get("effort").isNumber()).isTrue();
        assertThat(full.toBuilder().build()).isEqualTo(full);
    }

    @Test
    void theOptionsWithoutAFlagTravelHere() {
        SdkMcpServer calc = SdkMcpServer.builder("calc").build();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder()
                .systemPrompt(PromptText.blocks("STATIC", PromptText.DYNAMIC_BOUNDARY, "DYNAMIC"))
                .systemPromptSnapshot(false)
                .toolAlias("Shell", "Bash")
                .skills(Skills.only("pdf", "docx"))
                .forwardSubagentText(true)
                .agentProgressSummaries(true)
                .perTaskStopAffordance(true)
                .plugins(Path.of("/p/one"))
                .pluginsWithoutMcp(List.of(Path.of("/p/two")))
                .pluginDelivery(PluginDelivery.INITIALIZE)
                .mcpServer("calc", McpServerConfig.sdk(calc).withTimeout(Duration.ofSeconds(2))
                        .withToolPolicies(List.of(McpToolPolicy.of("add", McpToolPolicy.Permission.ALWAYS_DENY))))
                .mcpServer("plain", McpServerConfig.sdk(SdkMcpServer.builder("plain").build()))
                .build();

        assertThat(InitializeRequest.of(options, List.of())).isEqualTo(Json.parse("{\"subtype\":\"initialize\","
                + "\"systemPrompt\":[\"STATIC\",\"__SYSTEM_PROMPT_DYNAMIC_BOUNDARY__\",\"DYNAMIC\"],\"systemPromptSnapshot\":false,"
                + "\"toolAliases\":{\"Shell\":\"Bash\"},\"skills\":[\"pdf\",\"docx\"],\"forwardSubagentText\":true,"
                + "\"agentProgressSummaries\":true,\"perTaskStopAffordance\":true,"
                + "\"plugins\":[{\"type\":\"local\",\"path\":\"/p/one\"},{\"type\":\"local\",\"path\":\"/p/two\",\"skipMcpDiscovery\":true}],"
                + "\"sdkMcpServerConfigs\":{\"calc\":{\"timeout\":2000,\"tools\":[{\"name\":\"add\",\"permission_policy\":\"always_deny\"}]}}}"));
    }

    @Test
    void allSkillsAndArgvPluginsSendNothingHere() {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().skills(Skills.all()).plugins(Path.of("/p")).build();

        assertThat(InitializeRequest.of(options, List.of())).isEqualTo(recorded("01_initialize_plain.jsonl"));
    }

    private static JsonNode recorded(String file) {
        return GoldenTranscripts.entries(ProtocolRecordings.V2_1_197, file).stream()
                .filter(entry -> entry.isIn() && entry.requestSubtype().equals("initialize"))
                .findFirst().orElseThrow().msg().get("request");
    }
}
