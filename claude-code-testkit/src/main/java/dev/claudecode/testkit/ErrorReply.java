package dev.claudecode.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP error answer with the API's error body
 * {@code {"type":"error","error":{"type":...,"message":...},"request_id":...}}.
 *
 * @param status the HTTP status, 400 to 599
 * @param type the error type, e.g. {@code api_error}
 * @param message the error message
 * @param headers extra response headers, e.g. {@code retry-after}
 */
public record ErrorReply(int status, String type, String message, Map<String, String> headers) implements Reply {

    /** Validates the status and copies the headers. */
    public ErrorReply {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error reply needs a 4xx or 5xx status, got " + status);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        headers = Map.copyOf(headers);
    }

    /**
     * The error the real API sends for a status.
     *
     * @param status the HTTP status, 400 to 599
     * @return the reply
     */
    public static ErrorReply of(int status) {
        return switch (status) {
            case 400 -> new ErrorReply(status, "invalid_request_error", "Invalid request", Map.of());
            case 401 -> new ErrorReply(status, "authentication_error", "invalid x-api-key", Map.of());
            case 403 -> new ErrorReply(status, "permission_error", "Permission denied", Map.of());
            case 404 -> new ErrorReply(status, "not_found_error", "Not found", Map.of());
            case 413 -> new ErrorReply(status, "request_too_large", "Request exceeds the maximum allowed size", Map.of());
            case 429 -> new ErrorReply(status, "rate_limit_error", "Number of requests exceeded", Map.of());
            case 529 -> new ErrorReply(status, "overloaded_error", "Overloaded", Map.of());
            default -> new ErrorReply(status, "api_error", "Internal server error", Map.of());
        };
    }

    /**
     * A copy with one more response header.
     *
     * @param name the header name
     * @param value the header value
     * @return the new reply
     */
    public ErrorReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ErrorReply(status, type, message, copy);
    }

    /**
     * A copy with a {@code retry-after} header (whole seconds, rounded up), which the CLI honours.
     *
     * @param delay how long the client should wait
     * @return the new reply
     */
    public ErrorReply withRetryAfter(Duration delay) {
        long seconds = (delay.toMillis() + 999) / 1000;
        return withHeader("retry-after", Long.toString(seconds));
    }

    /**
     * A copy with another message.
     *
     * @param newMessage the error message
     * @return the new reply
     */
    public ErrorReply withMessage(String newMessage) {
        return new ErrorReply(status, type, newMessage, headers);
    }
}
