package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
 * @param runId the id of this run of the task ({@code run_id}), shared by all its task messages; a
 *     resumed task keeps its task id and gets a new run id
 * @param isBackgrounded whether the task was started in the background rather than with its tool
 *     call waiting for it ({@code is_backgrounded})
 * @param spawnDepth how deep a subagent is nested ({@code spawn_depth}): 1 for one the main
 *     conversation started
 * @param workflowName the workflow's name, for a {@code "local_workflow"} task ({@code
 *     workflow_name})
 * @param skipTranscript whether the task is housekeeping to leave out of a transcript view ({@code
 *     skip_transcript})
 * @param ambient whether the task is not activity, to leave out of activity indicators
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
        Optional<String> runId,
        Optional<Boolean> isBackgrounded,
        OptionalInt spawnDepth,
        Optional<String> workflowName,
        boolean skipTranscript,
        boolean ambient,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "task_started";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public TaskStartedMessage {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(parentTaskId, "parentTaskId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(isBackgrounded, "isBackgrounded");
        Objects.requireNonNull(spawnDepth, "spawnDepth");
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * A builder with every field empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this message.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.taskId = taskId;
        b.toolUseId = toolUseId;
        b.description = description;
        b.taskType = taskType;
        b.subagentType = subagentType;
        b.prompt = prompt;
        b.parentTaskId = parentTaskId;
        b.runId = runId;
        b.isBackgrounded = isBackgrounded;
        b.spawnDepth = spawnDepth;
        b.workflowName = workflowName;
        b.skipTranscript = skipTranscript;
        b.ambient = ambient;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link TaskStartedMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String taskId = "";
        private Optional<String> toolUseId = Optional.empty();
        private String description = "";
        private Optional<String> taskType = Optional.empty();
        private Optional<String> subagentType = Optional.empty();
        private Optional<String> prompt = Optional.empty();
        private Optional<String> parentTaskId = Optional.empty();
        private Optional<String> runId = Optional.empty();
        private Optional<Boolean> isBackgrounded = Optional.empty();
        private OptionalInt spawnDepth = OptionalInt.empty();
        private Optional<String> workflowName = Optional.empty();
        private boolean skipTranscript = false;
        private boolean ambient = false;

        private Builder() {
        }

        /**
         * Sets the task id.
         *
         * @param taskId the task id
         * @return this builder
         */
        public Builder taskId(String taskId) {
            this.taskId = Objects.requireNonNull(taskId, "taskId");
            return this;
        }

        /**
         * Sets the tool use that started the task.
         *
         * @param toolUseId the tool use that started the task; null for none
         * @return this builder
         */
        public Builder toolUseId(String toolUseId) {
            this.toolUseId = Optional.ofNullable(toolUseId);
            return this;
        }

        /**
         * Sets what the task does.
         *
         * @param description what the task does
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets the kind of task.
         *
         * @param taskType the kind of task; null for none
         * @return this builder
         */
        public Builder taskType(String taskType) {
            this.taskType = Optional.ofNullable(taskType);
            return this;
        }

        /**
         * Sets the agent type of a subagent task.
         *
         * @param subagentType the agent type of a subagent task; null for none
         * @return this builder
         */
        public Builder subagentType(String subagentType) {
            this.subagentType = Optional.ofNullable(subagentType);
            return this;
        }

        /**
         * Sets what the task was asked.
         *
         * @param prompt what the task was asked; null for none
         * @return this builder
         */
        public Builder prompt(String prompt) {
            this.prompt = Optional.ofNullable(prompt);
            return this;
        }

        /**
         * Sets the task id of the subagent that launched the task.
         *
         * @param parentTaskId the task id of the subagent that launched the task; null for none
         * @return this builder
         */
        public Builder parentTaskId(String parentTaskId) {
            this.parentTaskId = Optional.ofNullable(parentTaskId);
            return this;
        }

        /**
         * Sets the id of this run of the task.
         *
         * @param runId the id of this run of the task; null for none
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Optional.ofNullable(runId);
            return this;
        }

        /**
         * Sets whether the task started in the background.
         *
         * @param isBackgrounded whether the task started in the background; null for none
         * @return this builder
         */
        public Builder isBackgrounded(Boolean isBackgrounded) {
            this.isBackgrounded = Optional.ofNullable(isBackgrounded);
            return this;
        }

        /**
         * Sets how deep the subagent is nested.
         *
         * @param spawnDepth how deep the subagent is nested
         * @return this builder
         */
        public Builder spawnDepth(int spawnDepth) {
            this.spawnDepth = OptionalInt.of(spawnDepth);
            return this;
        }

        /**
         * Sets the workflow's name.
         *
         * @param workflowName the workflow's name; null for none
         * @return this builder
         */
        public Builder workflowName(String workflowName) {
            this.workflowName = Optional.ofNullable(workflowName);
            return this;
        }

        /**
         * Sets whether to leave the task out of a transcript view.
         *
         * @param skipTranscript whether to leave the task out of a transcript view
         * @return this builder
         */
        public Builder skipTranscript(boolean skipTranscript) {
            this.skipTranscript = skipTranscript;
            return this;
        }

        /**
         * Sets whether the task is not activity.
         *
         * @param ambient whether the task is not activity
         * @return this builder
         */
        public Builder ambient(boolean ambient) {
            this.ambient = ambient;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public TaskStartedMessage build() {
            return new TaskStartedMessage(taskId, toolUseId, description, taskType, subagentType, prompt,
                    parentTaskId, runId, isBackgrounded, spawnDepth, workflowName, skipTranscript, ambient, envelope);
        }
    }
}
