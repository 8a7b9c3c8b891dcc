package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Progress of a running task or subagent ({@code system/task_progress}).
 *
 * @param taskId the task id ({@code task_id})
 * @param toolUseId the tool use that started it ({@code tool_use_id})
 * @param description what the task does
 * @param usage what the task has used so far, when reported
 * @param lastToolName the tool it used last ({@code last_tool_name})
 * @param summary a one-line status of the task
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record TaskProgressMessage(
        String taskId,
        Optional<String> toolUseId,
        String description,
        Optional<TaskUsage> usage,
        Optional<String> lastToolName,
        Optional<String> summary,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_progress";

    /** Validates and copies the components. */
    public TaskProgressMessage {
        Objects.requireNonNull(taskId, "taskId");
        toolUseId = toolUseId == null ? Optional.empty() : toolUseId;
        Objects.requireNonNull(description, "description");
        usage = usage == null ? Optional.empty() : usage;
        lastToolName = lastToolName == null ? Optional.empty() : lastToolName;
        summary = summary == null ? Optional.empty() : summary;
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
