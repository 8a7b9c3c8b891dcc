package dev.claudecode.mcp;

import java.util.Map;

/**
 * The Java code behind an in-process MCP tool. It runs on a virtual thread of its own and is
 * interrupted when the CLI abandons the call; what it throws becomes an error result that the
 * model reads.
 */
@FunctionalInterface
public interface ToolHandler {

    /**
     * Runs the tool.
     *
     * @param arguments the model's arguments as plain JSON values
     * @return the result
     * @throws Exception any failure, which the model sees as an error result with its message
     */
    ToolResult call(Map<String, Object> arguments) throws Exception;
}
