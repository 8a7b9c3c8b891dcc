package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every message on the CLI's output stream carries besides its own fields, whatever its type:
 * the session it belongs to, its id, and the whole JSON object it was decoded from. {@link
 * Message} reads these through {@link Message#sessionId()}, {@link Message#uuid()} and {@link
 * Message#raw()}.
 *
 * @param sessionId the id of the session the message belongs to ({@code session_id})
 * @param uuid the message's own id ({@code uuid})
 * @param raw the whole message as plain JSON, with the fields this library does not model; empty
 *     for a message built in code
 */
public record Envelope(Optional<String> sessionId, Optional<String> uuid, Map<String, Object> raw) {

    /** The envelope of a message built in code: no session id, no uuid, no JSON. */
    public static final Envelope EMPTY = new Envelope(Optional.empty(), Optional.empty(), Map.of());

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException when a component is null; an absent id is {@link Optional#empty()}
     */
    public Envelope {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(uuid, "uuid");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * The envelope of a message with the given JSON, as the decoder would make it: the session id
     * and uuid are its {@code session_id} and {@code uuid} fields when those are strings. Useful to
     * build a message in a test as if the CLI had written it.
     *
     * @param raw the message as plain JSON
     * @return the envelope
     * @throws NullPointerException when {@code raw} is null
     */
    public static Envelope of(Map<String, ?> raw) {
        Objects.requireNonNull(raw, "raw");
        return new Envelope(string(raw, "session_id"), string(raw, "uuid"), JsonValues.copyMap(raw));
    }

    private static Optional<String> string(Map<String, ?> raw, String field) {
        return raw.get(field) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
