package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of a type this library does not model, kept whole. Newer CLIs add types such as {@code
 * tool_use_summary} or {@code keep_alive}; read their fields from {@link #raw()}.
 *
 * @param type the message's {@code type}; empty when it had none
 * @param raw the whole message as plain JSON
 */
public record UnknownMessage(String type, Map<String, Object> raw) implements Message {

    /** Validates and copies the components. */
    public UnknownMessage {
        Objects.requireNonNull(type, "type");
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public Optional<String> sessionId() {
        return RawFields.string(raw, "session_id");
    }

    @Override
    public Optional<String> uuid() {
        return RawFields.string(raw, "uuid");
    }
}
