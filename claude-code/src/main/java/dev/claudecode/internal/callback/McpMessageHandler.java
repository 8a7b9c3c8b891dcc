package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.mcp.McpBridge;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.observe.Observation;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code mcp_message} requests: finds the in-process server by {@code server_name} and
 * answers {@code {"mcp_response": <JSON-RPC response>}}. The server's Java code runs on a thread
 * of its own under the MCP timeout; a call that misses it is answered with a JSON-RPC error, which
 * the model reads as {@code MCP error -32603: ...}. An unknown server name is a control error, as
 * the CLI expects for a server that cannot be reached.
 */
final class McpMessageHandler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpMessageHandler.class);

    private final Map<String, CompletableFuture<McpBridge>> bridges = new ConcurrentHashMap<>();
    private final Duration timeout;

    McpMessageHandler(Map<String, SdkMcpServer> servers, Duration timeout) {
        servers.forEach((name, server) -> bridges.put(name, start(name, server)));
        this.timeout = timeout;
    }

    /**
     * Serves one more in-process server, or replaces the one of that name, for servers added
     * while the session runs ({@code mcp_set_servers}).
     *
     * @param name the name the CLI knows it by
     * @param server the server
     */
    void register(String name, SdkMcpServer server) {
        CompletableFuture<McpBridge> previous = bridges.put(name, start(name, server));
        if (previous != null) {
            previous.thenAccept(McpBridge::close);
        }
    }

    // Built and warmed up in the background: the first use of the MCP SDK in a JVM takes a second
    // or more, which then overlaps with the CLI's own start (its first MCP message comes later).
    private static CompletableFuture<McpBridge> start(String name, SdkMcpServer server) {
        CompletableFuture<McpBridge> bridge = new CompletableFuture<>();
        Thread.ofVirtual().name("claude-code-mcp-start-" + name).start(() -> {
            try {
                McpBridge started = new McpBridge(server);
                started.warmUp();
                bridge.complete(started);
            } catch (RuntimeException | Error e) {
                LOG.error("in-process MCP server {} could not be started", name, e);
                bridge.completeExceptionally(e);
            }
        });
        return bridge;
    }

    ObjectNode handle(JsonNode request) throws InterruptedException {
        return handle(request, Observation.none());
    }

    /**
     * Answers an MCP message within {@code observation}, which ends with {@code ok} or {@code
     * error} (the tool's error result), or fails when the server throws or times out.
     */
    ObjectNode handle(JsonNode request, Observation<String> observation) throws InterruptedException {
        String serverName = Json.text(request, "server_name", "");
        CompletableFuture<McpBridge> bridge = bridges.get(serverName);
        if (bridge == null) {
            throw new IllegalArgumentException("no in-process MCP server named '" + serverName + "' in this session");
        }
        JsonNode message = request.path("message");
        String method = Json.text(message, "method", "?");
        JsonNode response;
        try {
            response = BoundedCall.run("claude-code-mcp-" + serverName + "-" + method, timeout, new AtomicBoolean(),
                    observation, () -> bridge.get().handle(message));
            observation.end(response.path("result").path("isError").asBoolean(false) || response.has("error") ? "error" : "ok");
        } catch (TimeoutException e) {
            observation.fail(e);
            LOG.warn("MCP server {} did not answer {} within {}", serverName, method, timeout);
            response = McpBridge.error(message.get("id"), McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "the in-process server did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            observation.fail(e.getCause() instanceof ExecutionException startFailure ? startFailure.getCause() : e.getCause());
            if (e.getCause() instanceof ExecutionException startFailure) {
                throw new IllegalStateException("in-process MCP server '" + serverName + "' could not be started: "
                        + PermissionHandler.describe(startFailure.getCause()), startFailure.getCause());
            }
            LOG.warn("MCP server {} failed on {}", serverName, method, e.getCause());
            response = McpBridge.error(message.get("id"), McpSchema.ErrorCodes.INTERNAL_ERROR,
                    PermissionHandler.describe(e.getCause()));
        }
        ObjectNode answer = Json.object();
        answer.set("mcp_response", response);
        return answer;
    }

    @Override
    public void close() {
        bridges.values().forEach(bridge -> bridge.thenAccept(McpBridge::close));
    }
}
