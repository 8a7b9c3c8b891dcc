package dev.claudecode.message;

import java.util.Objects;

/**
 * The worker process that runs a remote session is shutting down ({@code
 * system/worker_shutting_down}); sent by remote and worker transports.
 *
 * <p>Since CLI 2.1.178.
 *
 * @param reason a short snake_case reason, such as {@code "host_exit"}
 * @param envelope the session id, uuid and JSON of the message
 */
public record WorkerShuttingDownMessage(String reason, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "worker_shutting_down";

    /** Validates the components. */
    public WorkerShuttingDownMessage {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
