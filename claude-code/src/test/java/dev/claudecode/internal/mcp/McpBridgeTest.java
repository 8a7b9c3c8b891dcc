package dev.claudecode.internal.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpContent;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.McpToolAnnotations;
import dev.claudecode.mcp.PromptArgument;
import dev.claudecode.mcp.PromptMessage;
import dev.claudecode.mcp.PromptResult;
import dev.claudecode.mcp.ResourceContents;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.mcp.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** JSON-RPC through the bridge to the MCP Java SDK's stateless server, as the CLI sends it in {@code mcp_message}. */
class McpBridgeTest {

    record Weather(String city, double celsius) {
    }

    record Forecast(@McpParam(description = "the city") String city, Optional<Integer> days) {
    }

    static final class WeatherTools {

        @McpTool(description = "Current weather of a city")
        Weather weather(@McpParam(name = "city", description = "the city") String city) {
            if (city.equals("Atlantis")) {
                throw new IllegalArgumentException("No such city: Atlantis");
            }
            return new Weather(city, 4.5);
        }

        @McpTool(name = "chart", description = "A chart")
        ToolResult chart() {
            return ToolResult.image(new byte[] {1, 2, 3}, "image/png");
        }
    }

    private McpBridge bridge;

    @AfterEach
    void close() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private JsonNode call(String method, String params, int id) {
        return bridge.handle(Json.parse("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}"));
    }

    private SdkMcpServer server() {
        return SdkMcpServer.builder("weather").version("2.0.0").instructions("Ask for weather.")
                .toolsFrom(new WeatherTools())
                .tool("forecast", "Forecast", Forecast.class,
                        args -> ToolResult.text(args.city() + " for " + args.days().orElse(1) + " days"))
                .resource("notes://readme", "readme", "The readme", "text/markdown",
                        uri -> ResourceContents.text(uri, "text/markdown", "# Weather"))
                .resourceTemplate("notes://{name}", "note", "A note", "text/plain", uri -> {
                    if (uri.endsWith("missing")) {
                        throw new IllegalStateException("no note " + uri);
                    }
                    return ResourceContents.blob(uri, "application/octet-stream", uri.getBytes(StandardCharsets.UTF_8));
                })
                .prompt("brief", "Ask for a brief forecast", List.of(PromptArgument.required("city", "the city")),
                        args -> new PromptResult(Optional.of("brief"), List.of(
                                PromptMessage.user("Weather in " + args.get("city") + "?"),
                                PromptMessage.assistant("Let me check."))))
                .build();
    }

    @Test
    void theHandshakeAnnouncesTheServerAndItsCapabilities() {
        bridge = new McpBridge(server());
        JsonNode result = call("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"claude-code\",\"version\":\"2.1.197\"}}", 0).path("result");
        assertThat(result.path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(result.path("serverInfo").path("name").asString()).isEqualTo("weather");
        assertThat(result.path("serverInfo").path("version").asString()).isEqualTo("2.0.0");
        assertThat(result.path("instructions").asString()).isEqualTo("Ask for weather.");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("capabilities").has("resources")).isTrue();
        assertThat(result.path("capabilities").has("prompts")).isTrue();
        assertThat(bridge.handle(Json.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")))
                .isEqualTo(Json.parse("{\"jsonrpc\":\"2.0\",\"result\":{}}"));
        assertThat(call("ping", null, 1).path("result").isObject()).isTrue();
    }

    @Test
    void toolAnnotationsSearchHintsAndAlwaysLoadAreListed() {
        SdkMcpServer server = SdkMcpServer.builder("calc")
                .tool(SdkMcpTool.of("add", "Add", Map.of("type", "object"), args -> ToolResult.text("0"))
                        .withAnnotations(McpToolAnnotations.builder().title("Adder").readOnly(true).destructive(false).build())
                        .withSearchHint("arithmetic sum"))
                .tool("plain", "Plain", Map.of("type", "object"), args -> ToolResult.text("0"))
                .alwaysLoad(true)
                .build();
        bridge = new McpBridge(server);

        JsonNode tools = call("tools/list", null, 1).path("result").path("tools");

        assertThat(tools.get(0).path("annotations")).isEqualTo(Json.parse(
                "{\"title\":\"Adder\",\"readOnlyHint\":true,\"destructiveHint\":false}"));
        assertThat(tools.get(0).path("_meta")).isEqualTo(Json.parse(
                "{\"anthropic/searchHint\":\"arithmetic sum\",\"anthropic/alwaysLoad\":true}"));
        assertThat(tools.get(1).has("annotations")).isFalse();
        assertThat(tools.get(1).path("_meta")).isEqualTo(Json.parse("{\"anthropic/alwaysLoad\":true}"));
    }

    @Test
    void toolsAreListedWithTheirSchemas() {
        bridge = new McpBridge(server());
        JsonNode tools = call("tools/list", null, 1).path("result").path("tools");
        assertThat(tools).hasSize(3);
        assertThat(tools).extracting(tool -> tool.path("name").asString()).containsExactly("chart", "weather", "forecast");
        JsonNode weather = tools.get(1);
        assertThat(weather.path("name").asString()).isEqualTo("weather");
        assertThat(weather.path("description").asString()).isEqualTo("Current weather of a city");
        assertThat(weather.path("inputSchema")).isEqualTo(Json.parse("{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\",\"description\":\"the city\"}},\"required\":[\"city\"]}"));
        JsonNode forecast = tools.get(2);
        assertThat(forecast.path("inputSchema")).isEqualTo(Json.parse("{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\",\"description\":\"the city\"},\"days\":{\"type\":\"integer\"}},"
                + "\"required\":[\"city\"]}"));
    }

    @Test
    void aRecordResultIsJsonTextAndStructuredContent() {
        bridge = new McpBridge(server());
        JsonNode result = call("tools/call", "{\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}", 2).path("result");
        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(result.path("structuredContent")).isEqualTo(Json.parse("{\"city\":\"Oslo\",\"celsius\":4.5}"));
        assertThat(Json.parse(result.path("content").get(0).path("text").asString()))
                .isEqualTo(result.path("structuredContent"));
    }

    @Test
    void anExceptionBecomesAnErrorResultWithItsMessage() {
        bridge = new McpBridge(server());
        JsonNode result = call("tools/call", "{\"name\":\"weather\",\"arguments\":{\"city\":\"Atlantis\"}}", 3).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("No such city: Atlantis");
    }

    @Test
    void invalidArgumentsAreAnErrorResultBeforeTheJavaCodeRuns() {
        bridge = new McpBridge(server());
        JsonNode result = call("tools/call", "{\"name\":\"weather\",\"arguments\":{\"town\":\"Oslo\"}}", 4).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").get(0).path("text").asString()).contains("city");
    }

    @Test
    void imagesAndTypedArgumentsReachTheResult() {
        bridge = new McpBridge(server());
        JsonNode image = call("tools/call", "{\"name\":\"chart\",\"arguments\":{}}", 5).path("result").path("content").get(0);
        assertThat(image.path("type").asString()).isEqualTo("image");
        assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.path("data").asString())).containsExactly(1, 2, 3);
        JsonNode forecast = call("tools/call", "{\"name\":\"forecast\",\"arguments\":{\"city\":\"Oslo\",\"days\":3}}", 6);
        assertThat(forecast.path("result").path("content").get(0).path("text").asString()).isEqualTo("Oslo for 3 days");
        JsonNode defaulted = call("tools/call", "{\"name\":\"forecast\",\"arguments\":{\"city\":\"Oslo\"}}", 7);
        assertThat(defaulted.path("result").path("content").get(0).path("text").asString()).isEqualTo("Oslo for 1 days");
    }

    @Test
    void anUnknownToolOrMethodIsAJsonRpcError() {
        bridge = new McpBridge(server());
        assertThat(call("tools/call", "{\"name\":\"nope\",\"arguments\":{}}", 8).path("error").path("code").asInt())
                .isEqualTo(-32602);
        JsonNode unknown = call("frobnicate", null, 9);
        assertThat(unknown.path("id").asInt()).isEqualTo(9);
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void aMessageThatIsNotJsonRpcIsAnInvalidRequestError() {
        bridge = new McpBridge(server());
        JsonNode answer = bridge.handle(Json.parse("{\"id\":3,\"what\":\"ever\"}"));
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answer.path("id").asInt()).isEqualTo(3);
    }

    @Test
    void resourcesAndTemplatesAreListedAndRead() {
        bridge = new McpBridge(server());
        JsonNode resources = call("resources/list", null, 1).path("result").path("resources");
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).path("uri").asString()).isEqualTo("notes://readme");
        assertThat(resources.get(0).path("mimeType").asString()).isEqualTo("text/markdown");
        JsonNode templates = call("resources/templates/list", null, 2).path("result").path("resourceTemplates");
        assertThat(templates.get(0).path("uriTemplate").asString()).isEqualTo("notes://{name}");

        JsonNode readme = call("resources/read", "{\"uri\":\"notes://readme\"}", 3).path("result").path("contents").get(0);
        assertThat(readme.path("text").asString()).isEqualTo("# Weather");
        JsonNode note = call("resources/read", "{\"uri\":\"notes://todo\"}", 4).path("result").path("contents").get(0);
        assertThat(note.path("uri").asString()).isEqualTo("notes://todo");
        assertThat(new String(Base64.getDecoder().decode(note.path("blob").asString()), StandardCharsets.UTF_8))
                .isEqualTo("notes://todo");
        JsonNode missing = call("resources/read", "{\"uri\":\"notes://missing\"}", 5);
        assertThat(missing.path("error").path("message").asString()).contains("no note notes://missing");
    }

    @Test
    void promptsAreListedAndExpanded() {
        bridge = new McpBridge(server());
        JsonNode prompts = call("prompts/list", null, 1).path("result").path("prompts");
        assertThat(prompts.get(0).path("name").asString()).isEqualTo("brief");
        assertThat(prompts.get(0).path("arguments").get(0).path("required").asBoolean()).isTrue();
        JsonNode expanded = call("prompts/get", "{\"name\":\"brief\",\"arguments\":{\"city\":\"Oslo\"}}", 2).path("result");
        assertThat(expanded.path("description").asString()).isEqualTo("brief");
        assertThat(expanded.path("messages").get(0).path("role").asString()).isEqualTo("user");
        assertThat(expanded.path("messages").get(0).path("content").path("text").asString()).isEqualTo("Weather in Oslo?");
        assertThat(expanded.path("messages").get(1).path("role").asString()).isEqualTo("assistant");
    }

    @Test
    void aServerWithoutResourcesOrPromptsDoesNotOfferThem() {
        bridge = new McpBridge(SdkMcpServer.builder("bare")
                .tool("echo", "Echo", Map.of("type", "object"), args -> ToolResult.of(McpContent.text("hi"))).build());
        JsonNode capabilities = call("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}", 0).path("result").path("capabilities");
        assertThat(capabilities.has("resources")).isFalse();
        assertThat(capabilities.has("prompts")).isFalse();
        assertThat(call("resources/list", null, 1).path("error").path("code").asInt()).isEqualTo(-32601);
    }

    @Test
    void aToolReturningNothingHasNoContent() {
        bridge = new McpBridge(SdkMcpServer.builder("bare")
                .tool("noop", "Nothing", Map.of("type", "object"), args -> null).build());
        JsonNode result = call("tools/call", "{\"name\":\"noop\",\"arguments\":{}}", 1).path("result");
        assertThat(result.path("content")).isEmpty();
        assertThat(result.path("isError").asBoolean()).isFalse();
    }
}
