package dev.claudecode.message;

import java.util.Map;
import java.util.Optional;

/** Reads fields of a message's raw JSON for the types that only keep the raw map. */
final class RawFields {

    private RawFields() {
    }

    static Optional<String> string(Map<String, Object> raw, String field) {
        return raw.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
