package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A task settled ({@code system/task_notification}): it completed, failed or was stopped.
 *
 * @param taskId the task id ({@code task_id})
 * @param toolUseId the tool use that started it ({@code tool_use_id})
 * @param status {@code "completed"}, {@code "failed"} or {@code "stopped"}
 * @param outputFile the file holding the task's output ({@code output_file}), empty when none
 * @param summary a short summary of the task
 * @param usage what the task used, when reported
 * @param runId the id of this run of the task ({@code run_id}), the same on all its task messages
 * @param reason why the task ended, when not by an ordinary completion, failure or stop ({@code
 *     reason}), such as {@code "worker_restart"}
 * @param durationMs how long a shell task's command ran, in milliseconds ({@code duration_ms})
 * @param resourceLinks for a background MCP task that completed, the {@code resource_link} blocks
 *     of its result as plain JSON ({@code resource_links}): the files it returned by reference
 * @param summaryIsReport whether {@link #summary()} is the task's own final report rather than a
 *     generated summary ({@code summary_is_report})
 * @param skipTranscript whether the task is housekeeping to leave out of a transcript view ({@code
 *     skip_transcript})
 * @param ambient whether the task is not activity, to leave out of activity indicators
 * @param envelope the session id, uuid and JSON of the message
 */
public record TaskNotificationMessage(
        String taskId,
        Optional<String> toolUseId,
        String status,
        String outputFile,
        String summary,
        Optional<TaskUsage> usage,
        Optional<String> runId,
        Optional<String> reason,
        OptionalLong durationMs,
        List<Map<String, Object>> resourceLinks,
        boolean summaryIsReport,
        boolean skipTranscript,
        boolean ambient,
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
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(durationMs, "durationMs");
        resourceLinks = Objects.requireNonNull(resourceLinks, "resourceLinks").stream().map(JsonValues::copyMap).toList();
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
