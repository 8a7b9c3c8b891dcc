package dev.claudecode.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.testkit.ElicitingMcpServer;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the console's tests of MCP servers' questions share: the eliciting server's tool, a form, and the answer it got. */
public final class QuestionFixtures {

    /** The eliciting server's tool, with the server named {@code asker}. */
    public static final String TOOL = "mcp__asker__" + ElicitingMcpServer.TOOL;
    /** The first CLI that declares URL elicitation to MCP servers. */
    public static final String URL_STEPS_SINCE = "2.1.281";

    private QuestionFixtures() {
    }

    /** @return a form whose fields are asked in this order (name, age, colour): the order reaches the CLI and the server as written */
    public static Map<String, Object> signUp() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", Map.of("type", "string", "title", "Your name"));
        properties.put("age", Map.of("type", "integer", "minimum", 0));
        properties.put("color", Map.of("type", "string", "enum", List.of("red", "green", "blue")));
        return Map.of("type", "object", "required", List.of("name"), "properties", properties);
    }

    /** @return the answer the MCP server got, as its tool result reached the model */
    public static JsonNode answerTheServerGot(FakeClaudeApi api) {
        ToolResult result = api.lastMainRequest().orElseThrow().toolResults().getLast();
        assertThat(result.isError()).as(result.text()).isFalse();
        return json(result.text());
    }

    /** @return the JSON text as a tree, to compare without regard to key order */
    public static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
