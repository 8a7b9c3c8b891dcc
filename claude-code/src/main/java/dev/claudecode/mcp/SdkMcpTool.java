package dev.claudecode.mcp;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.internal.mcp.ToolSchemas;
import dev.claudecode.internal.mcp.TypedArguments;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tool of an in-process MCP server: its name, description, input JSON schema and Java code,
 * and optionally its {@linkplain McpToolAnnotations annotations}, a search hint and whether it is
 * always loaded. The model sees it as {@code mcp__<server>__<name>}.
 *
 * <p>CLI 2.1.332 defers MCP tools behind its {@code ToolSearch} tool: the model sees them only
 * after searching. The search hint (sent in the tool's {@code _meta} as
 * {@code anthropic/searchHint}) adds words that search matches; {@code alwaysLoad} (sent as
 * {@code _meta} {@code anthropic/alwaysLoad: true}) puts the tool in every request instead.
 *
 * <pre>{@code
 * SdkMcpTool add = SdkMcpTool.of("add", "Add two numbers", schema, handler)
 *         .withAnnotations(McpToolAnnotations.builder().readOnly(true).build())
 *         .withSearchHint("arithmetic sum plus")
 *         .withAlwaysLoad(true);
 * }</pre>
 *
 * @param name the tool's name: letters, digits, {@code _} and {@code -}, at most 64 characters
 * @param description what the tool does, for the model
 * @param inputSchema the JSON schema of the arguments, an {@code object} schema
 * @param handler the Java code
 * @param annotations the tool's MCP annotations, when given
 * @param searchHint words that tool search should match the tool by ({@code _meta["anthropic/searchHint"]})
 * @param alwaysLoad whether the tool is never deferred behind tool search ({@code _meta["anthropic/alwaysLoad"]})
 */
public record SdkMcpTool(String name, Optional<String> description, Map<String, Object> inputSchema, ToolHandler handler,
        Optional<McpToolAnnotations> annotations, Optional<String> searchHint, boolean alwaysLoad) {

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
        Objects.requireNonNull(annotations, "annotations");
        searchHint = Objects.requireNonNull(searchHint, "searchHint").filter(text -> !text.isBlank());
    }

    /**
     * A tool without annotations, search hint or always-load.
     *
     * @param name the tool's name
     * @param description what it does
     * @param inputSchema the JSON schema of its arguments
     * @param handler the Java code
     */
    public SdkMcpTool(String name, Optional<String> description, Map<String, Object> inputSchema, ToolHandler handler) {
        this(name, description, inputSchema, handler, Optional.empty(), Optional.empty(), false);
    }

    /**
     * {@return a copy with those annotations}
     *
     * @param toolAnnotations the tool's MCP annotations
     */
    public SdkMcpTool withAnnotations(McpToolAnnotations toolAnnotations) {
        return new SdkMcpTool(name, description, inputSchema, handler, Optional.of(toolAnnotations), searchHint, alwaysLoad);
    }

    /**
     * {@return a copy with that hint}
     *
     * @param hint words tool search should match the tool by; blank for none
     */
    public SdkMcpTool withSearchHint(String hint) {
        return new SdkMcpTool(name, description, inputSchema, handler, annotations, Optional.ofNullable(hint), alwaysLoad);
    }

    /**
     * {@return a copy with that setting}
     *
     * @param load whether the tool is in every request instead of deferred behind tool search
     */
    public SdkMcpTool withAlwaysLoad(boolean load) {
        return new SdkMcpTool(name, description, inputSchema, handler, annotations, searchHint, load);
    }

    /**
     * {@return the tool}
     *
     * @param name the tool's name
     * @param description what it does
     * @param inputSchema the JSON schema of its arguments
     * @param handler the Java code
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
