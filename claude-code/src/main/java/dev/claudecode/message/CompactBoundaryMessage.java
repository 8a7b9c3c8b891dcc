package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The conversation was compacted ({@code system/compact_boundary}): earlier messages were replaced
 * by a summary from here on.
 *
 * @param trigger {@code "manual"} or {@code "auto"}; empty when not sent
 * @param preTokens the context size before compaction ({@code pre_tokens})
 * @param postTokens the context size after compaction ({@code post_tokens})
 * @param compactMetadata the whole {@code compact_metadata} object as plain JSON
 * @param envelope the session id, uuid and JSON of the message
 */
public record CompactBoundaryMessage(
        String trigger,
        long preTokens,
        OptionalLong postTokens,
        Map<String, Object> compactMetadata,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "compact_boundary";

    /** Validates and copies the components. */
    public CompactBoundaryMessage {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(postTokens, "postTokens");
        compactMetadata = JsonValues.copyMap(Objects.requireNonNull(compactMetadata, "compactMetadata"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
