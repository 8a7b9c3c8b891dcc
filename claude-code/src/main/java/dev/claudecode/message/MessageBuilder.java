package dev.claudecode.message;

import java.util.Objects;

/**
 * What the builders of all message records share: the {@link Envelope}, which every message
 * carries whatever its type.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class MessageBuilder<B extends MessageBuilder<B>> {

    /** The envelope the built message gets; {@link Envelope#EMPTY} until set. */
    Envelope envelope = Envelope.EMPTY;

    MessageBuilder() {
    }

    /**
     * Sets the envelope: session id, uuid and JSON, as a decoded message has them.
     *
     * @param envelope the envelope; {@link Envelope#EMPTY} by default
     * @return this builder
     * @throws NullPointerException when {@code envelope} is null
     */
    @SuppressWarnings("unchecked")
    public B envelope(Envelope envelope) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        return (B) this;
    }
}
