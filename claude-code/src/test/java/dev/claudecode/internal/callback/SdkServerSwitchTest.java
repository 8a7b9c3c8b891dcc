package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An in-process server switched off ({@code mcpToggle(name, false)}) is refused every call the CLI
 * sends it, whatever the CLI does; and the session sees when the CLI has connected a server.
 */
class SdkServerSwitchTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final SdkMcpServer calc = SdkMcpServer.builder("calc")
            .tool("add", "Add", Map.of("type", "object"), args -> ToolResult.text("called " + calls.incrementAndGet()))
            .build();

    private static String mcp(String id, String method, String params) {
        return "{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":{\"subtype\":\"mcp_message\","
                + "\"server_name\":\"calc\",\"message\":{\"method\":\"" + method + "\",\"params\":" + params
                + ",\"jsonrpc\":\"2.0\",\"id\":7}}}";
    }

    private static JsonNode mcpResponse(ChannelHarness harness, String id) {
        JsonNode answer = harness.answerTo(id);
        assertThat(answer.path("subtype").asString()).isEqualTo("success");
        return answer.path("response").path("mcp_response");
    }

    @Test
    void aServerSwitchedOffIsRefusedItsToolCallsUntilItIsSwitchedOnAgain() {
        CallbackConfig config = CallbackConfig.builder().mcpServers(Map.of("calc", McpServerConfig.sdk(calc))).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            String call = "{\"name\":\"add\",\"arguments\":{}}";
            harness.deliver(mcp("on", "tools/call", call));
            assertThat(mcpResponse(harness, "on").path("result").path("content").path(0).path("text").asString()).isEqualTo("called 1");

            assertThat(harness.router().switchSdkServer("calc", false)).as("it was on").isTrue();
            harness.deliver(mcp("off", "tools/call", call));
            JsonNode refused = mcpResponse(harness, "off");
            assertThat(refused.path("error").path("message").asString()).contains("switched off").contains("tools/call");
            assertThat(refused.path("id").asInt()).isEqualTo(7);
            harness.deliver(mcp("read", "resources/read", "{\"uri\":\"x://y\"}"));
            assertThat(mcpResponse(harness, "read").path("error").path("message").asString()).contains("switched off");
            // listing is no action: the CLI may still ask
            harness.deliver(mcp("list", "tools/list", "{}"));
            assertThat(mcpResponse(harness, "list").path("result").path("tools").path(0).path("name").asString()).isEqualTo("add");
            assertThat(calls).hasValue(1);

            assertThat(harness.router().switchSdkServer("calc", false)).as("it was off already").isFalse();
            assertThat(harness.router().switchSdkServer("calc", true)).as("it was off").isFalse();
            harness.deliver(mcp("again", "tools/call", call));
            assertThat(mcpResponse(harness, "again").path("result").path("content").path(0).path("text").asString()).isEqualTo("called 2");
        }
    }

    @Test
    void theSessionSeesWhenTheCliHasConnectedAServer() throws Exception {
        CallbackConfig config = CallbackConfig.builder().mcpServers(Map.of("calc", McpServerConfig.sdk(calc))).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            assertThat(harness.router().awaitSdkServers(Set.of("calc"), Duration.ofMillis(50))).isFalse();
            assertThat(harness.router().sdkServersConnectedWithin(Duration.ofSeconds(5))).isEmpty();

            harness.deliver("{\"type\":\"control_request\",\"request_id\":\"n\",\"request\":{\"subtype\":\"mcp_message\","
                    + "\"server_name\":\"calc\",\"message\":{\"method\":\"notifications/initialized\",\"jsonrpc\":\"2.0\"}}}");
            harness.answerTo("n");

            assertThat(harness.router().awaitSdkServers(Set.of("calc"), Duration.ofSeconds(5))).isTrue();
            assertThat(harness.router().sdkServersConnectedWithin(Duration.ofSeconds(5))).containsExactly("calc");
            assertThat(harness.router().sdkServersConnectedWithin(Duration.ZERO)).isEmpty();
        }
    }
}
