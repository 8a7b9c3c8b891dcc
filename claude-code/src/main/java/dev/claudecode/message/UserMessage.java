package dev.claudecode.message;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.ContentBlocks;
import dev.claudecode.content.TextBlock;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-role message the CLI writes ({@code "type":"user"}): mostly tool results after it ran a
 * tool, but also interrupt markers ({@code "[Request interrupted by user]"}), echoes of the caller's
 * own messages ({@link #isReplay()}), hook feedback ({@link #isSynthetic()}) and the prompt of a
 * subagent.
 *
 * <p>On a replay, {@link #uuid()} is the uuid the caller gave its message.
 *
 * @param content the content blocks; a plain string content on the wire becomes one {@link
 *     TextBlock}
 * @param textContent the content when the wire carried it as a plain string
 * @param parentToolUseId the tool use of the subagent this message belongs to ({@code
 *     parent_tool_use_id}); absent for the main conversation
 * @param toolUseResult the tool's structured result as plain JSON ({@code tool_use_result}), such as
 *     Bash's {@code {stdout, stderr, interrupted, ...}}; a string such as {@code "Error: ..."} when
 *     the tool failed
 * @param isReplay whether this echoes a message the caller sent, or a local command's output ({@code
 *     isReplay})
 * @param isSynthetic whether the CLI generated this message itself, as for Stop hook feedback
 *     ({@code isSynthetic})
 * @param timestamp when the message was created, as an ISO 8601 text
 * @param subagentType the agent type, on the prompt of a subagent ({@code subagent_type})
 * @param taskDescription the task description, on the prompt of a subagent ({@code
 *     task_description})
 * @param agentId the subagent that produced this message ({@code agent_id}); empty in the main
 *     conversation
 * @param origin where the message came from, when not from the caller ({@code origin})
 * @param priority how urgently a queued message runs ({@code priority}): {@code "now"}, {@code
 *     "next"} or {@code "later"}
 * @param shouldQuery false when the message was only added to the conversation, to be merged into
 *     the next one that starts a turn ({@code shouldQuery})
 * @param clientComposed whether the caller composed the message from content the user did not
 *     type, so that the CLI took its text as written ({@code client_composed})
 * @param toolResultMeta how the permission of each tool use whose result this message carries was
 *     decided ({@code tool_result_meta})
 * @param envelope the session id, uuid and JSON of the message
 */
public record UserMessage(
        List<ContentBlock> content,
        Optional<String> textContent,
        Optional<String> parentToolUseId,
        Optional<Object> toolUseResult,
        boolean isReplay,
        boolean isSynthetic,
        Optional<String> timestamp,
        Optional<String> subagentType,
        Optional<String> taskDescription,
        Optional<String> agentId,
        Optional<MessageOrigin> origin,
        Optional<String> priority,
        Optional<Boolean> shouldQuery,
        boolean clientComposed,
        List<ToolResultMeta> toolResultMeta,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "user";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public UserMessage {
        content = List.copyOf(Objects.requireNonNull(content, "content"));
        Objects.requireNonNull(textContent, "textContent");
        Objects.requireNonNull(parentToolUseId, "parentToolUseId");
        toolUseResult = Objects.requireNonNull(toolUseResult, "toolUseResult").map(JsonValues::copy);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(subagentType, "subagentType");
        Objects.requireNonNull(taskDescription, "taskDescription");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(shouldQuery, "shouldQuery");
        toolResultMeta = List.copyOf(Objects.requireNonNull(toolResultMeta, "toolResultMeta"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The text of this message: the string content, or its text blocks joined without a separator.
     *
     * @return the text, empty when the message has no text
     */
    public String text() {
        return textContent.orElseGet(() -> ContentBlocks.text(content));
    }

    /**
     * The tool results in this message.
     *
     * @return the tool result blocks in order, unmodifiable
     */
    public List<ToolResultBlock> toolResults() {
        return ContentBlocks.ofType(content, ToolResultBlock.class);
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
        b.content = new ArrayList<>(content);
        b.textContent = textContent;
        b.parentToolUseId = parentToolUseId;
        b.toolUseResult = toolUseResult;
        b.isReplay = isReplay;
        b.isSynthetic = isSynthetic;
        b.timestamp = timestamp;
        b.subagentType = subagentType;
        b.taskDescription = taskDescription;
        b.agentId = agentId;
        b.origin = origin;
        b.priority = priority;
        b.shouldQuery = shouldQuery;
        b.clientComposed = clientComposed;
        b.toolResultMeta = toolResultMeta;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link UserMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private List<ContentBlock> content = new ArrayList<>();
        private Optional<String> textContent = Optional.empty();
        private Optional<String> parentToolUseId = Optional.empty();
        private Optional<Object> toolUseResult = Optional.empty();
        private boolean isReplay;
        private boolean isSynthetic;
        private Optional<String> timestamp = Optional.empty();
        private Optional<String> subagentType = Optional.empty();
        private Optional<String> taskDescription = Optional.empty();
        private Optional<String> agentId = Optional.empty();
        private Optional<MessageOrigin> origin = Optional.empty();
        private Optional<String> priority = Optional.empty();
        private Optional<Boolean> shouldQuery = Optional.empty();
        private boolean clientComposed = false;
        private List<ToolResultMeta> toolResultMeta = List.of();

        private Builder() {
        }

        /**
         * Sets the content to a plain string, which also becomes its one text block.
         *
         * @param text the string content
         * @return this builder
         */
        public Builder text(String text) {
            this.textContent = Optional.of(text);
            this.content = new ArrayList<>(List.of(TextBlock.of(text)));
            return this;
        }

        /**
         * Sets the content blocks, replacing any set before.
         *
         * @param content the content blocks, replacing any set before
         * @return this builder
         */
        public Builder content(List<? extends ContentBlock> content) {
            this.content = new ArrayList<>(content);
            this.textContent = Optional.empty();
            return this;
        }

        /**
         * Appends a content block.
         *
         * @param block a content block to append
         * @return this builder
         */
        public Builder addContent(ContentBlock block) {
            this.content.add(Objects.requireNonNull(block, "block"));
            this.textContent = Optional.empty();
            return this;
        }

        /**
         * Sets the subagent's tool use id.
         *
         * @param parentToolUseId the subagent's tool use id
         * @return this builder
         */
        public Builder parentToolUseId(String parentToolUseId) {
            this.parentToolUseId = Optional.ofNullable(parentToolUseId);
            return this;
        }

        /**
         * Sets the tool's structured result as plain JSON.
         *
         * @param toolUseResult the tool's structured result as plain JSON
         * @return this builder
         */
        public Builder toolUseResult(Object toolUseResult) {
            this.toolUseResult = Optional.ofNullable(toolUseResult);
            return this;
        }

        /**
         * Sets whether the message is an echo of the caller's message.
         *
         * @param isReplay whether the message is an echo of the caller's message
         * @return this builder
         */
        public Builder isReplay(boolean isReplay) {
            this.isReplay = isReplay;
            return this;
        }

        /**
         * Sets whether the CLI generated the message.
         *
         * @param isSynthetic whether the CLI generated the message
         * @return this builder
         */
        public Builder isSynthetic(boolean isSynthetic) {
            this.isSynthetic = isSynthetic;
            return this;
        }

        /**
         * Sets the ISO 8601 creation time.
         *
         * @param timestamp the ISO 8601 creation time
         * @return this builder
         */
        public Builder timestamp(String timestamp) {
            this.timestamp = Optional.ofNullable(timestamp);
            return this;
        }

        /**
         * Sets the agent type of a subagent prompt.
         *
         * @param subagentType the agent type of a subagent prompt
         * @return this builder
         */
        public Builder subagentType(String subagentType) {
            this.subagentType = Optional.ofNullable(subagentType);
            return this;
        }

        /**
         * Sets the task description of a subagent prompt.
         *
         * @param taskDescription the task description of a subagent prompt
         * @return this builder
         */
        public Builder taskDescription(String taskDescription) {
            this.taskDescription = Optional.ofNullable(taskDescription);
            return this;
        }

        /**
         * Sets the subagent that produced the message.
         *
         * @param agentId the subagent that produced the message; null for none
         * @return this builder
         */
        public Builder agentId(String agentId) {
            this.agentId = Optional.ofNullable(agentId);
            return this;
        }

        /**
         * Sets where the message came from.
         *
         * @param origin where the message came from; null for none
         * @return this builder
         */
        public Builder origin(MessageOrigin origin) {
            this.origin = Optional.ofNullable(origin);
            return this;
        }

        /**
         * Sets how urgently the message runs.
         *
         * @param priority how urgently the message runs; null for none
         * @return this builder
         */
        public Builder priority(String priority) {
            this.priority = Optional.ofNullable(priority);
            return this;
        }

        /**
         * Sets whether the message starts a turn.
         *
         * @param shouldQuery whether the message starts a turn; null for none
         * @return this builder
         */
        public Builder shouldQuery(Boolean shouldQuery) {
            this.shouldQuery = Optional.ofNullable(shouldQuery);
            return this;
        }

        /**
         * Sets whether the caller composed the message.
         *
         * @param clientComposed whether the caller composed the message
         * @return this builder
         */
        public Builder clientComposed(boolean clientComposed) {
            this.clientComposed = clientComposed;
            return this;
        }

        /**
         * Sets the permission decisions of the tool results.
         *
         * @param toolResultMeta the permission decisions of the tool results
         * @return this builder
         */
        public Builder toolResultMeta(List<ToolResultMeta> toolResultMeta) {
            this.toolResultMeta = List.copyOf(toolResultMeta);
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public UserMessage build() {
            return new UserMessage(content, textContent, parentToolUseId, toolUseResult, isReplay, isSynthetic,
                    timestamp, subagentType, taskDescription, agentId, origin, priority, shouldQuery, clientComposed,
                    toolResultMeta, envelope);
        }
    }
}
