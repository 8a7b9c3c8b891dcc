package dev.claudecode.message.stream;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A delta of a kind this library does not know, kept whole.
 *
 * @param type the delta's {@code type}; empty when it had none
 * @param raw the whole delta as plain JSON
 */
public record UnknownDelta(String type, Map<String, Object> raw) implements Delta {

    /** Validates and copies the components. */
    public UnknownDelta {
        Objects.requireNonNull(type, "type");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
