package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/** Where the bytes of an {@link ImageBlock} come from. */
public sealed interface ImageSource
        permits ImageSource.Base64, ImageSource.Url, ImageSource.File, ImageSource.Unknown {

    /**
     * The source's {@code type} on the wire, such as {@code "base64"}.
     *
     * @return the wire type
     */
    String type();

    /**
     * Image bytes inline, base64-encoded ({@code "type":"base64"}).
     *
     * @param mediaType the media type: {@code image/jpeg}, {@code image/png}, {@code image/gif} or
     *     {@code image/webp}
     * @param data the base64 text of the bytes
     */
    record Base64(String mediaType, String data) implements ImageSource {

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
     * An image the API fetches from a URL ({@code "type":"url"}).
     *
     * @param url the URL
     */
    record Url(String url) implements ImageSource {

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
     * An image uploaded earlier through the API's Files API ({@code "type":"file"}).
     *
     * @param fileId the file id
     */
    record File(String fileId) implements ImageSource {

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
     * A source of a kind this library does not know, kept whole.
     *
     * @param type the source's {@code type}; empty when it had none
     * @param raw the whole source object as plain JSON
     */
    record Unknown(String type, Map<String, Object> raw) implements ImageSource {

        /** Validates and copies the components. */
        public Unknown {
            Objects.requireNonNull(type, "type");
            raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
        }
    }
}
