package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool is still running ({@code "type":"tool_progress"}).
 *
 * @param toolUseId the running tool use ({@code tool_use_id})
 * @param toolName the tool's name ({@code tool_name})
 * @param parentToolUseId the tool use of the subagent running it ({@code parent_tool_use_id})
 * @param elapsedTimeSeconds how long the tool has run, in seconds ({@code elapsed_time_seconds})
 * @param taskId the background task running the tool ({@code task_id})
 * @param heartbeat whether this is only a sign of life, without news ({@code heartbeat})
 * @param subagentType the agent type of the subagent running the tool ({@code subagent_type})
 * @param description what the tool is doing
 * @param subagentRetry when a subagent's API call is being retried, the retry as plain JSON
 *     ({@code subagent_retry}): {@code agent_id}, {@code attempt}, {@code max_retries}, {@code
 *     retry_delay_ms}, {@code error_status}, {@code error_category}
 * @param envelope the session id, uuid and JSON of the message
 */
public record ToolProgressMessage(
        String toolUseId,
        String toolName,
        Optional<String> parentToolUseId,
        double elapsedTimeSeconds,
        Optional<String> taskId,
        boolean heartbeat,
        Optional<String> subagentType,
        Optional<String> description,
        Optional<Map<String, Object>> subagentRetry,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "tool_progress";

    /** Validates and copies the components. */
    public ToolProgressMessage {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(parentToolUseId, "parentToolUseId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(description, "description");
        subagentRetry = Objects.requireNonNull(subagentRetry, "subagentRetry").map(JsonValues::copyMap);
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
