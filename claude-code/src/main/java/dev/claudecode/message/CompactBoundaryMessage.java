package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The conversation was compacted ({@code system/compact_boundary}): earlier messages were replaced
 * by a summary from here on.
 *
 * @param trigger {@code "manual"} or {@code "auto"}; empty when not sent
 * @param preTokens the context size before compaction ({@code pre_tokens})
 * @param postTokens the context size after compaction ({@code post_tokens})
 * @param compactMetadata the whole {@code compact_metadata} object as plain JSON
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record CompactBoundaryMessage(
        String trigger,
        long preTokens,
        OptionalLong postTokens,
        Map<String, Object> compactMetadata,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "compact_boundary";

    /** Validates and copies the components. */
    public CompactBoundaryMessage {
        Objects.requireNonNull(trigger, "trigger");
        postTokens = postTokens == null ? OptionalLong.empty() : postTokens;
        compactMetadata = JsonValues.copyMap(compactMetadata);
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
