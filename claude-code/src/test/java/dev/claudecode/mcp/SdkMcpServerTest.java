package dev.claudecode.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdkMcpServerTest {

    record AddArgs(@McpParam(description = "first") double a, double b) {
    }

    static class Tools {
        @McpTool(description = "Echo")
        String echo(@McpParam(name = "text") String text) {
            return text;
        }
    }

    private static final Map<String, Object> OBJECT = Map.of("type", "object");

    @Test
    void aServerCollectsToolsFromLambdasRecordsAndAnnotatedMethods() throws Exception {
        SdkMcpServer server = SdkMcpServer.builder("calc").version("2.0")
                .tool("add", "Add two numbers", AddArgs.class, args -> ToolResult.text(String.valueOf(args.a() + args.b())))
                .tool("ping", "Ping", OBJECT, args -> ToolResult.text("pong"))
                .toolsFrom(new Tools())
                .build();
        assertThat(server.tools()).extracting(SdkMcpTool::name).containsExactly("add", "ping", "echo");
        assertThat(server.version()).isEqualTo("2.0");
        SdkMcpTool add = server.tools().getFirst();
        assertThat(add.inputSchema()).containsEntry("required", List.of("a", "b"));
        assertThat(add.handler().call(Map.of("a", 1, "b", 2))).isEqualTo(ToolResult.text("3.0"));
        assertThat(server.toBuilder().build()).isEqualTo(server);
    }

    @Test
    void namesAndSchemasAreChecked() {
        assertThatThrownBy(() -> SdkMcpServer.builder("calc")
                .tool("add", "a", OBJECT, args -> ToolResult.text(""))
                .tool("add", "b", OBJECT, args -> ToolResult.text("")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two tools named 'add'");
        assertThatThrownBy(() -> SdkMcpTool.of("add numbers", "x", OBJECT, args -> ToolResult.text("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add numbers");
        assertThatThrownBy(() -> SdkMcpTool.of("add", "x", Map.of("type", "array"), args -> ToolResult.text("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"type\":\"object\"");
        assertThatThrownBy(() -> SdkMcpServer.builder(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(SdkMcpTool.of("t", " ", OBJECT, args -> ToolResult.text("")).description()).isEmpty();
    }

    @Test
    void resultsAndContents() {
        assertThat(ToolResult.error("bad").isError()).isTrue();
        ToolResult image = ToolResult.image(new byte[] {9}, "image/png");
        assertThat(image.content()).containsExactly(new McpContent.Image(Base64.getEncoder().encodeToString(new byte[] {9}),
                "image/png"));
        assertThat(ToolResult.structured(new AddArgs(1, 2)).structuredContent()).contains(Map.of("a", 1.0, "b", 2.0));
        assertThatThrownBy(() -> ToolResult.structured(List.of(1))).isInstanceOf(IllegalArgumentException.class);
        ToolResult built = ToolResult.builder().text("a").image(new byte[] {1}, "image/gif")
                .structuredContent(Map.of("k", "v")).isError(true).build();
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(ResourceContents.blob("u", null, new byte[] {4, 2}).bytes()).containsExactly(4, 2);
        assertThat(PromptMessage.user("hi").role()).isEqualTo(PromptMessage.Role.USER);
        assertThat(McpServerConfig.sdk(SdkMcpServer.builder("s").build()).server().name()).isEqualTo("s");
    }
}
