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
         * Builds the message.
         *
         * @return the message
         */
        public TaskStartedMessage build() {
            return new TaskStartedMessage(taskId, toolUseId, description, taskType, subagentType, prompt, parentTaskId, envelope);
        }
    }
}
