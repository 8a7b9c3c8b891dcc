package dev.claudecode.message;

import java.util.Objects;

/**
 * A message of a type this library does not model, kept whole: newer CLIs add types. Read their
 * fields from {@link #raw()}.
 *
 * @param type the message's {@code type}; empty when it had none
 * @param envelope the session id, uuid and JSON of the message
 */
public record UnknownMessage(String type, Envelope envelope) implements Message {

    /** Validates the components. */
    public UnknownMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(envelope, "envelope");
    }
}
