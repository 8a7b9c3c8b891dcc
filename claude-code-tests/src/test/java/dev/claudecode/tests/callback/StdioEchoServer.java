package dev.claudecode.tests.callback;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external MCP server for the tests: a separate JVM speaking MCP over stdio with one tool,
 * {@code echo}, that answers {@code echo: <text>}. It exits when the CLI that started it does.
 */
public final class StdioEchoServer {

    private StdioEchoServer() {
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
    }

    /**
     * Serves until the parent process ends.
     *
     * @param args unused
     * @throws InterruptedException never, in practice
     */
    public static void main(String[] args) throws InterruptedException {
        long parent = parentPid();
        McpSchema.Tool echo = McpSchema.Tool.builder("echo", Map.of("type", "object",
                "properties", Map.of("text", Map.of("type", "string")), "required", List.of("text")))
                .description("Echo a text").build();
        McpServer.sync(new StdioServerTransportProvider(new JacksonMcpJsonMapper(JsonMapper.shared())))
                .serverInfo("echo", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpServerFeatures.SyncToolSpecification.builder().tool(echo)
                        .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent("echo: " + request.arguments().get("text")).build())
                        .build())
                .build();
        // the CLI may be gone before this JVM got here, and then this process has a new parent
        while (parentPid() == parent && parent != 1) {
            Thread.sleep(200);
        }
        System.exit(0);
    }
}
