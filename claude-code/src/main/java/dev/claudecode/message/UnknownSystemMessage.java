package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A system message of a subtype this library does not model, kept whole. Newer CLIs add subtypes
 * such as {@code session_state_changed} or {@code local_command_output}; read their fields from
 * {@link #raw()}.
 *
 * @param subtype the message's {@code subtype}; empty when it had none
 * @param raw the whole message as plain JSON
 */
public record UnknownSystemMessage(String subtype, Map<String, Object> raw) implements SystemMessage {

    /** Validates and copies the components. */
    public UnknownSystemMessage {
        Objects.requireNonNull(subtype, "subtype");
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
