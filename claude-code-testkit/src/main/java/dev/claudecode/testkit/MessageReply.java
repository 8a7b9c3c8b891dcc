package dev.claudecode.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted model message: content blocks, stop reason and usage, plus how to stream it (delay
 * between SSE events, delta chunk sizes, an SSE {@code error} event part-way).
 *
 * @param blocks the content blocks, in order
 * @param stopReason the stop reason; empty means {@code tool_use} when a block is a tool use, else
 *     {@code end_turn}
 * @param usage the token counts reported
 * @param eventDelay pause between two SSE events ({@link Duration#ZERO} for none); lets a test
 *     interrupt a turn while it streams
 * @param textChunkSize characters per {@code text_delta}/{@code thinking_delta}; 0 sends each
 *     block's text in one delta
 * @param jsonChunkSize characters per {@code input_json_delta}; 0 sends the input in one delta
 * @param headers extra response headers
 * @param streamError when present, the stream stops after some events with an SSE {@code error}
 *     event (non-streaming requests still get the whole message)
 * @param model the model name to report; empty echoes the request's model
 */
public record MessageReply(
        List<ReplyBlock> blocks,
        Optional<String> stopReason,
        Usage usage,
        Duration eventDelay,
        int textChunkSize,
        int jsonChunkSize,
        Map<String, String> headers,
        Optional<StreamError> streamError,
        Optional<String> model) implements Reply {

    /** Validates and copies the components. */
    public MessageReply {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        if (eventDelay.isNegative()) {
            throw new IllegalArgumentException("eventDelay must not be negative");
        }
        if (textChunkSize < 0 || jsonChunkSize < 0) {
            throw new IllegalArgumentException("chunk sizes must not be negative");
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(streamError, "streamError");
        Objects.requireNonNull(model, "model");
    }

    /**
     * A fresh builder: no blocks, default usage, no delay, unchunked.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this reply's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.blocks.addAll(blocks);
        builder.stopReason = stopReason;
        builder.usage = usage;
        builder.eventDelay = eventDelay;
        builder.textChunkSize = textChunkSize;
        builder.jsonChunkSize = jsonChunkSize;
        builder.headers.putAll(headers);
        builder.streamError = streamError;
        builder.model = model;
        return builder;
    }

    /**
     * The stop reason sent: the explicit one, else {@code tool_use} when a block is a tool use,
     * else {@code end_turn}.
     *
     * @return the stop reason
     */
    public String effectiveStopReason() {
        return stopReason.orElseGet(() -> blocks.stream().anyMatch(ReplyBlock.ToolUse.class::isInstance)
                ? "tool_use" : "end_turn");
    }

    /**
     * An SSE {@code error} event sent instead of the rest of the stream.
     *
     * @param afterEvents how many regular events are sent first (counting {@code message_start}
     *     and the {@code ping} after it)
     * @param type the error type, e.g. {@code overloaded_error}
     * @param message the error message
     */
    public record StreamError(int afterEvents, String type, String message) {
        /** Validates the values. */
        public StreamError {
            if (afterEvents < 0) {
                throw new IllegalArgumentException("afterEvents must not be negative");
            }
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Builds a {@link MessageReply}; blocks are kept in the order they are added. */
    public static final class Builder {
        private final List<ReplyBlock> blocks = new ArrayList<>();
        private Optional<String> stopReason = Optional.empty();
        private Usage usage = Usage.DEFAULT;
        private Duration eventDelay = Duration.ZERO;
        private int textChunkSize;
        private int jsonChunkSize;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Optional<StreamError> streamError = Optional.empty();
        private Optional<String> model = Optional.empty();

        private Builder() {
        }

        /**
         * Adds a text block.
         *
         * @param text the text
         * @return this builder
         */
        public Builder text(String text) {
            return block(new ReplyBlock.Text(text));
        }

        /**
         * Adds a thinking block with a default signature.
         *
         * @param thinking the thinking text
         * @return this builder
         */
        public Builder thinking(String thinking) {
            return thinking(thinking, ReplyBlock.Thinking.DEFAULT_SIGNATURE);
        }

        /**
         * Adds a thinking block.
         *
         * @param thinking the thinking text
         * @param signature the signature sent in the {@code signature_delta}
         * @return this builder
         */
        public Builder thinking(String thinking, String signature) {
            return block(new ReplyBlock.Thinking(thinking, signature));
        }

        /**
         * Adds a redacted thinking block.
         *
         * @param data the opaque data
         * @return this builder
         */
        public Builder redactedThinking(String data) {
            return block(new ReplyBlock.RedactedThinking(data));
        }

        /**
         * Adds a tool use whose id is assigned when served ({@code toolu_fake_N}).
         *
         * @param name the tool name
         * @param input the tool input as plain JSON values
         * @return this builder
         */
        public Builder toolUse(String name, Map<String, ?> input) {
            return block(new ReplyBlock.ToolUse(Optional.empty(), name, new LinkedHashMap<String, Object>(input)));
        }

        /**
         * Adds a tool use with a fixed id.
         *
         * @param id the tool use id, e.g. {@code toolu_01}
         * @param name the tool name
         * @param input the tool input as plain JSON values
         * @return this builder
         */
        public Builder toolUse(String id, String name, Map<String, ?> input) {
            return block(new ReplyBlock.ToolUse(Optional.of(id), name, new LinkedHashMap<String, Object>(input)));
        }

        /**
         * Adds any block.
         *
         * @param block the block
         * @return this builder
         */
        public Builder block(ReplyBlock block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        /**
         * Sets the stop reason, e.g. {@code max_tokens}.
         *
         * @param reason the stop reason
         * @return this builder
         */
        public Builder stopReason(String reason) {
            stopReason = Optional.of(reason);
            return this;
        }

        /**
         * Sets the usage numbers.
         *
         * @param value the usage
         * @return this builder
         */
        public Builder usage(Usage value) {
            usage = Objects.requireNonNull(value, "usage");
            return this;
        }

        /**
         * Sets the input and output token counts.
         *
         * @param inputTokens input tokens
         * @param outputTokens output tokens
         * @return this builder
         */
        public Builder usage(long inputTokens, long outputTokens) {
            return usage(Usage.of(inputTokens, outputTokens));
        }

        /**
         * Pauses between two SSE events.
         *
         * @param delay the pause
         * @return this builder
         */
        public Builder eventDelay(Duration delay) {
            eventDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Splits text and thinking into deltas of this many characters (0: one delta).
         *
         * @param size characters per delta
         * @return this builder
         */
        public Builder textChunkSize(int size) {
            textChunkSize = size;
            return this;
        }

        /**
         * Splits tool input JSON into deltas of this many characters (0: one delta).
         *
         * @param size characters per delta
         * @return this builder
         */
        public Builder jsonChunkSize(int size) {
            jsonChunkSize = size;
            return this;
        }

        /**
         * Adds a response header.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Ends the stream after some events with an SSE {@code overloaded_error} event.
         *
         * @param afterEvents regular events sent first
         * @return this builder
         */
        public Builder errorAfter(int afterEvents) {
            return errorAfter(afterEvents, "overloaded_error", "Overloaded");
        }

        /**
         * Ends the stream after some events with an SSE {@code error} event.
         *
         * @param afterEvents regular events sent first
         * @param type the error type
         * @param message the error message
         * @return this builder
         */
        public Builder errorAfter(int afterEvents, String type, String message) {
            streamError = Optional.of(new StreamError(afterEvents, type, message));
            return this;
        }

        /**
         * Reports this model name instead of echoing the request's.
         *
         * @param name the model name
         * @return this builder
         */
        public Builder model(String name) {
            model = Optional.of(name);
            return this;
        }

        /**
         * Builds the reply.
         *
         * @return the reply
         */
        public MessageReply build() {
            return new MessageReply(blocks, stopReason, usage, eventDelay, textChunkSize, jsonChunkSize,
                    headers, streamError, model);
        }
    }
}
