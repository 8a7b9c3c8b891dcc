package dev.claudecode.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A file read through the CLI, under the read permissions of its {@code Read} tool: the answer to
 * {@link SessionControl#readFile(String)} ({@code read_file}).
 *
 * @param contents the contents as text, or base64 for {@link Encoding#BASE64} ({@code contents})
 * @param absolutePath the file's absolute path on the CLI's machine ({@code absPath})
 * @param requestedPath the path as asked for ({@code requested_path}, CLI 2.1.332)
 * @param truncated whether the read stopped at {@code max_bytes} ({@code truncated})
 * @param encoding how {@code contents} is encoded ({@code encoding}; absent means UTF-8)
 * @param lossy for text: whether bytes that were not valid UTF-8 were replaced, so the text is not
 *     the file's own ({@code lossy}, CLI 2.1.332; empty from older CLIs)
 */
public record FileContents(String contents, String absolutePath, Optional<String> requestedPath, boolean truncated,
        Encoding encoding, Optional<Boolean> lossy) {

    /** How a file's contents are sent ({@code encoding} of {@code read_file}). */
    public enum Encoding {
        /** As UTF-8 text, lossy for binary files: the default. */
        UTF_8("utf-8"),
        /** As base64, exact; for images and other binary files. */
        BASE64("base64");

        private final String value;

        Encoding(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    /** Validates the components. */
    public FileContents {
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(absolutePath, "absolutePath");
        Objects.requireNonNull(requestedPath, "requestedPath");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(lossy, "lossy");
    }

    /** {@return the bytes read: decoded from base64, or the text encoded as UTF-8} */
    public byte[] bytes() {
        return encoding == Encoding.BASE64 ? Base64.getDecoder().decode(contents) : contents.getBytes(StandardCharsets.UTF_8);
    }
}
