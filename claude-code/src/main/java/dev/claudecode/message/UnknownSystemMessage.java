package dev.claudecode.message;

import java.util.Objects;

/**
 * A system message of a subtype this library does not model, kept whole: newer CLIs add subtypes.
 * Read their fields from {@link #raw()}.
 *
 * @param subtype the message's {@code subtype}; empty when it had none
 * @param envelope the session id, uuid and JSON of the message
 */
public record UnknownSystemMessage(String subtype, Envelope envelope) implements SystemMessage {

    /** Validates the components. */
    public UnknownSystemMessage {
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(envelope, "envelope");
    }
}
