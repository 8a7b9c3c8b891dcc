package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A content block of a type this library does not know, kept whole so that nothing is lost.
 *
 * @param type the block's {@code type} value; empty when the block had none
 * @param raw the whole block as plain JSON
 */
public record UnknownBlock(String type, Map<String, Object> raw) implements ContentBlock {

    /** Validates and copies the components. */
    public UnknownBlock {
        Objects.requireNonNull(type, "type");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
