package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fields of a task changed ({@code system/task_updated}); merge {@link #patch()} into what is known
 * about the task.
 *
 * @param taskId the task id ({@code task_id})
 * @param patch the changed fields as plain JSON, such as {@code status} and {@code end_time}
 * @param runId the id of this run of the task ({@code run_id}), the same on all its task messages
 * @param envelope the session id, uuid and JSON of the message
 */
public record TaskUpdatedMessage(
        String taskId,
        Map<String, Object> patch,
        Optional<String> runId,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_updated";

    /** Validates and copies the components. */
    public TaskUpdatedMessage {
        Objects.requireNonNull(taskId, "taskId");
        patch = JsonValues.copyMap(Objects.requireNonNull(patch, "patch"));
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(envelope, "envelope");
    }

    /**
     * The new status, when the patch changes it: {@code "running"}, {@code "completed"}, {@code
     * "failed"}, {@code "killed"} and others.
     *
     * @return the status in the patch
     */
    public Optional<String> status() {
        return patch.get("status") instanceof String status ? Optional.of(status) : Optional.empty();
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
