package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A direct call of an MCP tool through the CLI's own MCP client, without a model turn: the
 * {@code mcp_call} control request ({@link SessionControl#mcpCall(McpCall)}). Tools of in-process
 * SDK servers are refused; call those directly.
 *
 * <pre>{@code
 * McpCallResult result = control.mcpCall(McpCall.of("mcp__docs__search", Map.of("q", "java")).checkingPermissions());
 * }</pre>
 *
 * @param tool the fully qualified tool name, {@code mcp__<server>__<tool>} ({@code tool})
 * @param arguments the tool's arguments as plain JSON ({@code arguments})
 * @param checkPermissions whether the call is decided as the model's own call would be: rules,
 *     permission mode, hooks, a {@code can_use_tool} prompt ({@code check_permissions}; only a CLI
 *     that advertises {@code mcp_call_check_permissions_v1} honours it, an older one runs the tool unchecked)
 * @param resultNotForModel whether the result goes to a program, not a model: the server's own
 *     content blocks, unprocessed ({@code result_not_for_model}, capability {@code mcp_call_result_not_for_model_v1})
 * @param softErrorResult whether a tool error comes back as a result with {@code isError} instead
 *     of a control error ({@code soft_error_result}, capability {@code mcp_call_soft_error_result_v1})
 * @param timeout the tool-execution timeout, 1 s to 10 min ({@code timeout_ms}); empty for the CLI's 2 minutes
 */
public record McpCall(String tool, Map<String, Object> arguments, boolean checkPermissions, boolean resultNotForModel,
        boolean softErrorResult, Optional<Duration> timeout) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when the tool is not an {@code mcp__} name or the timeout is out of range
     */
    public McpCall {
        Objects.requireNonNull(tool, "tool");
        if (!tool.startsWith("mcp__") || tool.isBlank()) {
            throw new IllegalArgumentException("mcp_call takes a fully qualified tool name, mcp__<server>__<tool>, was '" + tool + "'");
        }
        arguments = JsonValues.copyMap(Objects.requireNonNull(arguments, "arguments"));
        Objects.requireNonNull(timeout, "timeout").ifPresent(value -> {
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("an mcp_call timeout is between 1 second and 10 minutes, was " + value);
            }
        });
    }

    /**
     * A plain call.
     *
     * @param tool the fully qualified tool name
     * @param arguments its arguments as plain JSON
     * @return the call
     */
    public static McpCall of(String tool, Map<String, ?> arguments) {
        return new McpCall(tool, JsonValues.copyMap(arguments), false, false, false, Optional.empty());
    }

    /** {@return a copy whose call goes through the session's permission checks} */
    public McpCall checkingPermissions() {
        return new McpCall(tool, arguments, true, resultNotForModel, softErrorResult, timeout);
    }

    /** {@return a copy whose result is the server's own, unprocessed content} */
    public McpCall forProgram() {
        return new McpCall(tool, arguments, checkPermissions, true, softErrorResult, timeout);
    }

    /** {@return a copy whose tool errors come back as results} */
    public McpCall softErrors() {
        return new McpCall(tool, arguments, checkPermissions, resultNotForModel, true, timeout);
    }

    /**
     * {@return a copy with that timeout}
     *
     * @param limit the tool-execution timeout, 1 s to 10 min
     */
    public McpCall withTimeout(Duration limit) {
        return new McpCall(tool, arguments, checkPermissions, resultNotForModel, softErrorResult, Optional.of(limit));
    }
}
