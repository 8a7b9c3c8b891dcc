package dev.claudecode.message.stream;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A stream event of a type this library does not model, such as {@code ping} or {@code error},
 * kept whole.
 *
 * @param type the event's {@code type}; empty when it had none
 * @param raw the whole event as plain JSON
 */
public record UnknownStreamEvent(String type, Map<String, Object> raw) implements StreamEvent {

    /** Validates and copies the components. */
    public UnknownStreamEvent {
        Objects.requireNonNull(type, "type");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
