package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
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
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record NotificationMessage(
        String key,
        String text,
        String priority,
        OptionalLong timeoutMs,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "notification";

    /** Validates and copies the components. */
    public NotificationMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(priority, "priority");
        timeoutMs = timeoutMs == null ? OptionalLong.empty() : timeoutMs;
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
