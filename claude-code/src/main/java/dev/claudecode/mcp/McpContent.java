package dev.claudecode.mcp;

import java.util.Base64;
import java.util.Objects;

/** One piece of content an in-process MCP tool or prompt returns: text, an image, audio or a resource. */
public sealed interface McpContent {

    /**
     * {@return text content}
     *
     * @param text the text
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * {@return image content}
     *
     * @param data the image's bytes
     * @param mimeType its media type, e.g. {@code image/png}
     */
    static Image image(byte[] data, String mimeType) {
        return new Image(Base64.getEncoder().encodeToString(data), mimeType);
    }

    /**
     * Text.
     *
     * @param text the text
     */
    record Text(String text) implements McpContent {

        /** Validates the components. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image; the model sees it.
     *
     * @param base64 the image's bytes, base64-encoded
     * @param mimeType its media type, e.g. {@code image/png}
     */
    record Image(String base64, String mimeType) implements McpContent {

        /** Validates the components. */
        public Image {
            Objects.requireNonNull(base64, "base64");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /**
     * Audio.
     *
     * @param base64 the audio's bytes, base64-encoded
     * @param mimeType its media type, e.g. {@code audio/wav}
     */
    record Audio(String base64, String mimeType) implements McpContent {

        /** Validates the components. */
        public Audio {
            Objects.requireNonNull(base64, "base64");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /**
     * A resource embedded in the result.
     *
     * @param contents the resource's contents
     */
    record Resource(ResourceContents contents) implements McpContent {

        /** Validates the components. */
        public Resource {
            Objects.requireNonNull(contents, "contents");
        }
    }
}
