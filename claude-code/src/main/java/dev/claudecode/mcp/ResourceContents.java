package dev.claudecode.mcp;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/** The contents of an MCP resource: text, or binary data. */
public sealed interface ResourceContents {

    /** {@return the resource's URI} */
    String uri();

    /** {@return the contents' media type, when known} */
    Optional<String> mimeType();

    /**
     * {@return text contents}
     *
     * @param uri the resource's URI
     * @param mimeType the media type, e.g. {@code text/markdown}
     * @param text the text
     */
    static Text text(String uri, String mimeType, String text) {
        return new Text(uri, Optional.ofNullable(mimeType), text);
    }

    /**
     * {@return binary contents}
     *
     * @param uri the resource's URI
     * @param mimeType the media type, e.g. {@code image/png}
     * @param data the bytes
     */
    static Blob blob(String uri, String mimeType, byte[] data) {
        return new Blob(uri, Optional.ofNullable(mimeType), Base64.getEncoder().encodeToString(data));
    }

    /**
     * Text contents.
     *
     * @param uri the resource's URI
     * @param mimeType the media type, when known
     * @param text the text
     */
    record Text(String uri, Optional<String> mimeType, String text) implements ResourceContents {

        /** Validates the components. */
        public Text {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Binary contents.
     *
     * @param uri the resource's URI
     * @param mimeType the media type, when known
     * @param base64 the bytes, base64-encoded
     */
    record Blob(String uri, Optional<String> mimeType, String base64) implements ResourceContents {

        /** Validates the components. */
        public Blob {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(base64, "base64");
        }

        /** {@return the decoded bytes} */
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }
    }
}
