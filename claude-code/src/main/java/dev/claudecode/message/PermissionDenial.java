package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A tool call that was denied during a turn, as listed in a result ({@code permission_denials}).
 *
 * @param toolName the tool's name ({@code tool_name})
 * @param toolUseId the id of the denied tool use ({@code tool_use_id})
 * @param toolInput the tool's arguments ({@code tool_input})
 */
public record PermissionDenial(String toolName, String toolUseId, Map<String, Object> toolInput) {

    /** Validates and copies the components. */
    public PermissionDenial {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolUseId, "toolUseId");
        toolInput = JsonValues.copyMap(Objects.requireNonNull(toolInput, "toolInput"));
    }
}
