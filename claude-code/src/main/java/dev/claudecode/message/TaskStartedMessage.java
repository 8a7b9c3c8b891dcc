package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A background task or subagent started ({@code system/task_started}).
 *
 * @param taskId the task id ({@code task_id}), the key of its later task messages
 * @param toolUseId the tool use that started it ({@code tool_use_id})
 * @param description what the task does
 * @param taskType the kind of task ({@code task_type}), such as {@code "local_bash"} or {@code
 *     "local_agent"}
 * @param subagentType the agent type of a subagent task ({@code subagent_type}), such as {@code
 *     "general-purpose"}
 * @param prompt what the task was asked
 * @param parentTaskId the task id of the subagent that launched this task ({@code parent_task_id})
 * @param envelope the session id, uuid and JSON of the message
 */
public record TaskStartedMessage(
        String taskId,
        Optional<String> toolUseId,
        String description,
        Optional<String> taskType,
        Optional<String> subagentType,
        Optional<String> prompt,
        Optional<String> parentTaskId,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_started";

    /** Validates and copies the components. */
    public TaskStartedMessage {
        Objects.requireNonNull(taskId, "taskId");
        toolUseId = toolUseId == null ? Optional.empty() : toolUseId;
        Objects.requireNonNull(description, "description");
        taskType = taskType == null ? Optional.empty() : taskType;
        subagentType = subagentType == null ? Optional.empty() : subagentType;
        prompt = prompt == null ? Optional.empty() : prompt;
        parentTaskId = parentTaskId == null ? Optional.empty() : parentTaskId;
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
