package dev.claudecode.mcp;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.internal.mcp.ToolSchemas;
import dev.claudecode.internal.mcp.TypedArguments;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tool of an in-process MCP server: its name, description, input JSON schema and Java code.
 * The model sees it as {@code mcp__<server>__<name>}.
 *
 * @param name the tool's name: letters, digits, {@code _} and {@code -}, at most 64 characters
 * @param description what the tool does, for the model
 * @param inputSchema the JSON schema of the arguments, an {@code object} schema
 * @param handler the Java code
 */
public record SdkMcpTool(String name, Optional<String> description, Map<String, Object> inputSchema, ToolHandler handler) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates and copies the components. */
    public SdkMcpTool {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an MCP tool name is 1 to 64 letters, digits, '_' or '-', was '" + name + "'");
        }
        description = Objects.requireNonNull(description, "description").filter(text -> !text.isBlank());
        inputSchema = JsonValues.copyMap(Objects.requireNonNull(inputSchema, "inputSchema"));
        if (!"object".equals(inputSchema.get("type"))) {
            throw new IllegalArgumentException("the input schema of tool '" + name + "' must have \"type\":\"object\"");
        }
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * @param name the tool's name
     * @param description what it does
     * @param inputSchema the JSON schema of its arguments
     * @param handler the Java code
     * @return the tool
     */
    public static SdkMcpTool of(String name, String description, Map<String, ?> inputSchema, ToolHandler handler) {
        return new SdkMcpTool(name, Optional.ofNullable(description), JsonValues.copyMap(inputSchema), handler);
    }

    /**
     * A tool whose arguments are a record: the record's components are the arguments, their
     * types the schema (see {@link McpTool} for the types), {@link McpParam} on a component
     * describes it.
     *
     * @param name the tool's name
     * @param description what it does
     * @param argumentsType the record type
     * @param handler the Java code, given the arguments as a record
     * @param <T> the record type
     * @return the tool
     */
    public static <T extends Record> SdkMcpTool typed(String name, String description, Class<T> argumentsType,
            TypedToolHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        return new SdkMcpTool(name, Optional.ofNullable(description), ToolSchemas.forRecord(argumentsType),
                arguments -> handler.call(TypedArguments.convert(arguments, argumentsType)));
    }
}
