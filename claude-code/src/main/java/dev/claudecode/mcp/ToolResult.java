package dev.claudecode.mcp;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an in-process MCP tool returns to the model: content (text, images, ...), optionally
 * structured content, and whether it is an error.
 *
 * <pre>{@code
 * ToolResult.text("5")
 * ToolResult.image(pngBytes, "image/png")
 * ToolResult.structured(new Weather("Oslo", 4.5))     // JSON text for the model + structuredContent
 * ToolResult.error("No such city: Atlantis")           // the model sees an error result
 * }</pre>
 *
 * @param content the content, in order
 * @param structuredContent the result as a JSON object, for clients that read structured results
 * @param isError whether the tool failed; the model sees the content as an error
 */
public record ToolResult(List<McpContent> content, Optional<Map<String, Object>> structuredContent, boolean isError) {

    /** Validates and copies the components. */
    public ToolResult {
        content = List.copyOf(Objects.requireNonNull(content, "content"));
        structuredContent = Objects.requireNonNull(structuredContent, "structuredContent").map(JsonValues::copyMap);
    }

    /**
     * {@return a successful result with one text}
     *
     * @param text the text
     */
    public static ToolResult text(String text) {
        return of(McpContent.text(text));
    }

    /**
     * {@return a successful result with the content}
     *
     * @param content the content
     */
    public static ToolResult of(McpContent... content) {
        return new ToolResult(List.of(content), Optional.empty(), false);
    }

    /**
     * {@return a successful result with one image}
     *
     * @param data the image's bytes
     * @param mimeType its media type, e.g. {@code image/png}
     */
    public static ToolResult image(byte[] data, String mimeType) {
        return of(McpContent.image(data, mimeType));
    }

    /**
     * A result the model reads as JSON text and that also carries the value as structured
     * content.
     *
     * @param value a record, bean or map that converts to a JSON object
     * @return a successful result
     * @throws IllegalArgumentException when the value does not convert to a JSON object
     */
    public static ToolResult structured(Object value) {
        Object plain = Json.toJava(Json.toNode(value));
        if (!(plain instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("structured content must be a JSON object, was " + value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return new ToolResult(List.of(McpContent.text(Json.write(object))), Optional.of(object), false);
    }

    /**
     * {@return an error result}
     *
     * @param message what went wrong, as the model sees it
     */
    public static ToolResult error(String message) {
        return new ToolResult(List.of(McpContent.text(message)), Optional.empty(), true);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this result's values} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.content.addAll(content);
        builder.structuredContent = structuredContent.orElse(null);
        builder.isError = isError;
        return builder;
    }

    /** Builds a {@link ToolResult}. */
    public static final class Builder {

        private final List<McpContent> content = new ArrayList<>();
        private Map<String, Object> structuredContent;
        private boolean isError;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param item content to add
         */
        public Builder add(McpContent item) {
            content.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param text text to add
         */
        public Builder text(String text) {
            return add(McpContent.text(text));
        }

        /**
         * {@return this builder}
         *
         * @param data image bytes to add
         * @param mimeType their media type
         */
        public Builder image(byte[] data, String mimeType) {
            return add(McpContent.image(data, mimeType));
        }

        /**
         * {@return this builder}
         *
         * @param value the structured result as a JSON object; null clears it
         */
        public Builder structuredContent(Map<String, ?> value) {
            this.structuredContent = value == null ? null : JsonValues.copyMap(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param error whether the tool failed
         */
        public Builder isError(boolean error) {
            this.isError = error;
            return this;
        }

        /** {@return the result} */
        public ToolResult build() {
            return new ToolResult(content, Optional.ofNullable(structuredContent), isError);
        }
    }
}
