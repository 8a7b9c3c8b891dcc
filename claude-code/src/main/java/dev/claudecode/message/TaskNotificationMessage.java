package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A task settled ({@code system/task_notification}): it completed, failed or was stopped.
 *
 * @param taskId the task id ({@code task_id})
 * @param toolUseId the tool use that started it ({@code tool_use_id})
 * @param status {@code "completed"}, {@code "failed"} or {@code "stopped"}
 * @param outputFile the file holding the task's output ({@code output_file}), empty when none
 * @param summary a short summary of the task
 * @param usage what the task used, when reported
 * @param envelope the session id, uuid and JSON of the message
 */
public record TaskNotificationMessage(
        String taskId,
        Optional<String> toolUseId,
        String status,
        String outputFile,
        String summary,
        Optional<TaskUsage> usage,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_notification";

    /** Validates and copies the components. */
    public TaskNotificationMessage {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outputFile, "outputFile");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
