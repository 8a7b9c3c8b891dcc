package dev.claudecode.message;

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
 * @param runId the id of this run of the task ({@code run_id}), the same on all its task messages
 * @param subagentType the agent type of a subagent task ({@code subagent_type})
 * @param envelope the session id, uuid and JSON of the message
 */
public record TaskProgressMessage(
        String taskId,
        Optional<String> toolUseId,
        String description,
        Optional<TaskUsage> usage,
        Optional<String> lastToolName,
        Optional<String> summary,
        Optional<String> runId,
        Optional<String> subagentType,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_progress";

    /** Validates and copies the components. */
    public TaskProgressMessage {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(lastToolName, "lastToolName");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
