package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A notification the interactive CLI would show ({@code system/notification}), such as {@code
 * stop-hook-error} after a Stop hook blocked.
 *
 * @param key what the notification is about, such as {@code "stop-hook-error"}
 * @param text the text
 * @param priority {@code "low"}, {@code "medium"}, {@code "high"} or {@code "immediate"}; empty
 *     when not sent
 * @param timeoutMs how long to show it, in milliseconds ({@code timeout_ms})
 * @param color the color to show it in
 * @param envelope the session id, uuid and JSON of the message
 */
public record NotificationMessage(
        String key,
        String text,
        String priority,
        OptionalLong timeoutMs,
        Optional<String> color,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "notification";

    /** Validates and copies the components. */
    public NotificationMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(timeoutMs, "timeoutMs");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
