package dev.claudecode.internal.mcp;

import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

/**
 * The MCP Java SDK's stateless server transport, reduced to what the control protocol needs:
 * the server hands over its request handler here, and {@link McpBridge} calls it with each
 * message the CLI sends. There is no connection to open or close.
 */
final class BridgeTransport implements McpStatelessServerTransport {

    private volatile McpStatelessServerHandler handler;

    @Override
    public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
        this.handler = mcpHandler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    McpStatelessServerHandler handler() {
        McpStatelessServerHandler current = handler;
        if (current == null) {
            throw new IllegalStateException("the MCP server has not been built");
        }
        return current;
    }
}
