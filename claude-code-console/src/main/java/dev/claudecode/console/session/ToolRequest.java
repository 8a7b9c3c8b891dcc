package dev.claudecode.console.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tool use that waits for a person's permission, as the CLI asks for it through the permission callback.
 *
 * @param requestId the console's id for the question, unique within its session
 * @param toolName the tool, such as {@code Bash}
 * @param input the tool's input as plain JSON values
 * @param toolUseId the tool use id, when the CLI gave it
 * @param reason why the CLI asks, when it said so
 */
public record ToolRequest(
        String requestId, String toolName, Map<String, Object> input, Optional<String> toolUseId, Optional<String> reason) {

    /** Checks the components and freezes the input. */
    public ToolRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toolName, "toolName");
        input = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(input, "input")));
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A request with a fresh id.
     *
     * @param toolName the tool
     * @param input the tool's input
     * @param toolUseId the tool use id, when known
     * @param reason why the CLI asks, when it said so
     * @return the request
     */
    public static ToolRequest create(String toolName, Map<String, Object> input, Optional<String> toolUseId, Optional<String> reason) {
        return new ToolRequest(UUID.randomUUID().toString(), toolName, input, toolUseId, reason);
    }

    /** @return the use as one phrase, such as {@code Bash(rm -rf build)} */
    public String describe() {
        return ToolSummary.call(toolName, input);
    }
}
