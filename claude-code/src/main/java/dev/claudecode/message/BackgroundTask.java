package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A background task that is still running, as {@link BackgroundTasksChangedMessage} lists it.
 *
 * @param taskId the task id ({@code task_id}), the key of its task messages
 * @param runId the id of this run of the task ({@code run_id}); a resumed task keeps its task id and
 *     gets a new run id
 * @param taskType the kind of task ({@code task_type}), such as {@code "local_bash"} or {@code
 *     "local_agent"}
 * @param subagentType the agent type of a subagent task ({@code subagent_type})
 * @param description what the task does
 * @param parentTaskId the task id of the subagent that launched this task ({@code parent_task_id})
 * @param ambient whether the task is housekeeping rather than activity, to leave out of activity
 *     indicators
 */
public record BackgroundTask(
        String taskId,
        Optional<String> runId,
        String taskType,
        Optional<String> subagentType,
        String description,
        Optional<String> parentTaskId,
        boolean ambient) {

    /** Validates the components. */
    public BackgroundTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parentTaskId, "parentTaskId");
    }
}
