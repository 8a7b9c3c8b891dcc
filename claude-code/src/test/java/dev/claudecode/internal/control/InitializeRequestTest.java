package dev.claudecode.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.options.AgentDefinition;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.options.PromptText;
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

    private static JsonNode recorded(String file) {
        return GoldenTranscripts.entries(ProtocolRecordings.V2_1_197, file).stream()
                .filter(entry -> entry.isIn() && entry.requestSubtype().equals("initialize"))
                .findFirst().orElseThrow().msg().get("request");
    }
}
