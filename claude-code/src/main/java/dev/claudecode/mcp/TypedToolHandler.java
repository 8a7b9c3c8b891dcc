package dev.claudecode.mcp;

/**
 * The Java code behind an in-process MCP tool whose arguments arrive as a record (see
 * {@link SdkMcpTool#typed}).
 *
 * @param <T> the arguments' record type
 */
@FunctionalInterface
public interface TypedToolHandler<T> {

    /**
     * Runs the tool.
     *
     * @param arguments the model's arguments
     * @return the result
     * @throws Exception any failure, which the model sees as an error result with its message
     */
    ToolResult call(T arguments) throws Exception;
}
