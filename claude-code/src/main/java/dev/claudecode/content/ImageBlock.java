package dev.claudecode.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An image ({@code "type":"image"}), as the CLI echoes it or as a caller sends it in a user message.
 * The API accepts JPEG, PNG, GIF and WebP.
 *
 * @param source where the image bytes come from
 */
public record ImageBlock(ImageSource source) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "image";

    /** Validates the component. */
    public ImageBlock {
        Objects.requireNonNull(source, "source");
    }

    /**
     * An inline image from base64 text.
     *
     * @param mediaType the media type, such as {@code "image/png"}
     * @param base64Data the base64 text of the image bytes
     * @return the block
     */
    public static ImageBlock base64(String mediaType, String base64Data) {
        return new ImageBlock(new ImageSource.Base64(mediaType, base64Data));
    }

    /**
     * An inline image from raw bytes; the media type is detected from the bytes' signature.
     *
     * @param bytes the image file's bytes
     * @return the block
     * @throws IllegalArgumentException when the bytes are not a JPEG, PNG, GIF or WebP image
     */
    public static ImageBlock of(byte[] bytes) {
        String mediaType = sniff(bytes);
        if (mediaType == null) {
            throw new IllegalArgumentException("not a JPEG, PNG, GIF or WebP image");
        }
        return of(mediaType, bytes);
    }

    /**
     * An inline image from raw bytes of a known media type.
     *
     * @param mediaType the media type, such as {@code "image/png"}
     * @param bytes the image bytes
     * @return the block
     */
    public static ImageBlock of(String mediaType, byte[] bytes) {
        return base64(mediaType, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * An inline image read from a file. The media type is detected from the file's bytes, not from
     * its name, so a mislabelled file fails here rather than at the API.
     *
     * @param file the image file
     * @return the block
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a JPEG, PNG, GIF or WebP image
     */
    public static ImageBlock of(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file, e);
        }
        String mediaType = sniff(bytes);
        if (mediaType == null) {
            throw new IllegalArgumentException("not a JPEG, PNG, GIF or WebP image: " + file);
        }
        return of(mediaType, bytes);
    }

    /**
     * An image the API fetches from a URL.
     *
     * @param url the image URL
     * @return the block
     */
    public static ImageBlock url(String url) {
        return new ImageBlock(new ImageSource.Url(url));
    }

    /**
     * An image uploaded earlier through the API's Files API.
     *
     * @param fileId the file id
     * @return the block
     */
    public static ImageBlock file(String fileId) {
        return new ImageBlock(new ImageSource.File(fileId));
    }

    @Override
    public String type() {
        return TYPE;
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private static String sniff(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
