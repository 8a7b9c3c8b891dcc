package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where the content of a {@link DocumentBlock} comes from. */
public sealed interface DocumentSource
        permits DocumentSource.Base64,
                DocumentSource.Text,
                DocumentSource.Url,
                DocumentSource.File,
                DocumentSource.Content,
                DocumentSource.Unknown {

    /**
     * The source's {@code type} on the wire, such as {@code "base64"}.
     *
     * @return the wire type
     */
    String type();

    /**
     * Document bytes inline, base64-encoded ({@code "type":"base64"}); the API takes PDFs this way.
     *
     * @param mediaType the media type, {@code application/pdf}
     * @param data the base64 text of the bytes
     */
    record Base64(String mediaType, String data) implements DocumentSource {

        /** Validates the components. */
        public Base64 {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String type() {
            return "base64";
        }
    }

    /**
     * A plain-text document inline ({@code "type":"text"}).
     *
     * @param mediaType the media type, {@code text/plain}
     * @param data the text
     */
    record Text(String mediaType, String data) implements DocumentSource {

        /** Validates the components. */
        public Text {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * A PDF the API fetches from a URL ({@code "type":"url"}).
     *
     * @param url the URL
     */
    record Url(String url) implements DocumentSource {

        /** Validates the component. */
        public Url {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "url";
        }
    }

    /**
     * A document uploaded earlier through the API's Files API ({@code "type":"file"}).
     *
     * @param fileId the file id
     */
    record File(String fileId) implements DocumentSource {

        /** Validates the component. */
        public File {
            Objects.requireNonNull(fileId, "fileId");
        }

        @Override
        public String type() {
            return "file";
        }
    }

    /**
     * A document given as content blocks, for custom chunking of citations ({@code
     * "type":"content"}). A plain string on the wire becomes one {@link TextBlock}.
     *
     * @param content the blocks
     */
    record Content(List<ContentBlock> content) implements DocumentSource {

        /** Validates and copies the component. */
        public Content {
            content = List.copyOf(content);
        }

        @Override
        public String type() {
            return "content";
        }
    }

    /**
     * A source of a kind this library does not know, kept whole.
     *
     * @param type the source's {@code type}; empty when it had none
     * @param raw the whole source object as plain JSON
     */
    record Unknown(String type, Map<String, Object> raw) implements DocumentSource {

        /** Validates and copies the components. */
        public Unknown {
            Objects.requireNonNull(type, "type");
            raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
        }
    }
}
