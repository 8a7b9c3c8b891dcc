package dev.claudecode.message;

import dev.claudecode.usage.Usage;
import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.ContentBlocks;
import dev.claudecode.content.ToolUseBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from the model ({@code "type":"assistant"}). While a response streams the CLI writes
 * one assistant message per finished content block, all sharing {@link #messageId()}; on these,
 * {@link #stopReason()} is absent and {@link #usage()} is the usage at the start of the response.
 * The final stop reason and usage arrive in the {@link ResultMessage}.
 *
 * <p>When an API call fails for good, the CLI writes a synthetic assistant message: {@link
 * #model()} is {@code "<synthetic>"}, {@link #error()} holds the error category, and the text holds
 * the error message.
 *
 * <p>{@link #uuid()} is the message's id on the CLI's side, also used in its session file.
 *
 * @param messageId the API message id ({@code message.id}); a UUID on synthetic messages
 * @param model the model that answered ({@code message.model})
 * @param content the content blocks; usually exactly one
 * @param stopReason why the model stopped ({@code message.stop_reason})
 * @param stopSequence the stop sequence that was hit ({@code message.stop_sequence})
 * @param usage the token usage ({@code message.usage})
 * @param parentToolUseId the tool use of the subagent that produced this message ({@code
 *     parent_tool_use_id}); absent for the main conversation
 * @param error the error category of a synthetic API error message, such as {@code
 *     "server_error"}, {@code "rate_limit"}, {@code "authentication_failed"} or {@code "unknown"}
 * @param requestId the API request id ({@code request_id})
 * @param toolUseMeta display names of MCP tool uses in this message ({@code tool_use_meta})
 * @param envelope the session id, uuid and JSON of the message
 */
public record AssistantMessage(
        String messageId,
        String model,
        List<ContentBlock> content,
        Optional<String> stopReason,
        Optional<String> stopSequence,
        Usage usage,
        Optional<String> parentToolUseId,
        Optional<String> error,
        Optional<String> requestId,
        List<ToolUseMeta> toolUseMeta,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "assistant";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public AssistantMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(model, "model");
        content = List.copyOf(Objects.requireNonNull(content, "content"));
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(parentToolUseId, "parentToolUseId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(requestId, "requestId");
        toolUseMeta = List.copyOf(Objects.requireNonNull(toolUseMeta, "toolUseMeta"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The text of this message: its text blocks joined without a separator.
     *
     * @return the text, empty when the message has no text block
     */
    public String text() {
        return ContentBlocks.text(content);
    }

    /**
     * The tool calls in this message.
     *
     * @return the tool use blocks in order, unmodifiable
     */
    public List<ToolUseBlock> toolUses() {
        return ContentBlocks.ofType(content, ToolUseBlock.class);
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
        b.messageId = messageId;
        b.model = model;
        b.content = new ArrayList<>(content);
        b.stopReason = stopReason;
        b.stopSequence = stopSequence;
        b.usage = usage;
        b.parentToolUseId = parentToolUseId;
        b.error = error;
        b.requestId = requestId;
        b.toolUseMeta = new ArrayList<>(toolUseMeta);
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link AssistantMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String messageId = "";
        private String model = "";
        private List<ContentBlock> content = new ArrayList<>();
        private Optional<String> stopReason = Optional.empty();
        private Optional<String> stopSequence = Optional.empty();
        private Usage usage = Usage.EMPTY;
        private Optional<String> parentToolUseId = Optional.empty();
        private Optional<String> error = Optional.empty();
        private Optional<String> requestId = Optional.empty();
        private List<ToolUseMeta> toolUseMeta = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the API message id.
         *
         * @param messageId the API message id
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * Sets the model that answered.
         *
         * @param model the model that answered
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
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
            return this;
        }

        /**
         * Sets why the model stopped.
         *
         * @param stopReason why the model stopped
         * @return this builder
         */
        public Builder stopReason(String stopReason) {
            this.stopReason = Optional.ofNullable(stopReason);
            return this;
        }

        /**
         * Sets the stop sequence that was hit.
         *
         * @param stopSequence the stop sequence that was hit
         * @return this builder
         */
        public Builder stopSequence(String stopSequence) {
            this.stopSequence = Optional.ofNullable(stopSequence);
            return this;
        }

        /**
         * Sets the token usage.
         *
         * @param usage the token usage
         * @return this builder
         */
        public Builder usage(Usage usage) {
            this.usage = Objects.requireNonNull(usage, "usage");
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
         * Sets the error category of a synthetic API error message.
         *
         * @param error the error category of a synthetic API error message
         * @return this builder
         */
        public Builder error(String error) {
            this.error = Optional.ofNullable(error);
            return this;
        }

        /**
         * Sets the API request id.
         *
         * @param requestId the API request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = Optional.ofNullable(requestId);
            return this;
        }

        /**
         * Sets the display names of MCP tool uses.
         *
         * @param toolUseMeta display names of MCP tool uses
         * @return this builder
         */
        public Builder toolUseMeta(List<ToolUseMeta> toolUseMeta) {
            this.toolUseMeta = new ArrayList<>(toolUseMeta);
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public AssistantMessage build() {
            return new AssistantMessage(messageId, model, content, stopReason, stopSequence, usage,
                    parentToolUseId, error, requestId, toolUseMeta, envelope);
        }
    }
}
