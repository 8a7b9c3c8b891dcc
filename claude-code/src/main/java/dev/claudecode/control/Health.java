package dev.claudecode.control;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A session's health at one moment, from {@link dev.claudecode.Session#health()}: whether its CLI runs and has
 * completed its start-up handshake. Reading it never starts a CLI.
 *
 * <p>Over a session's life: {@link Reason#STARTING} and {@link Reason#INITIALIZING} while the CLI
 * comes up, {@link Reason#READY} once it answered {@code initialize}, {@link Reason#PROCESS_DEAD}
 * when it exited unexpectedly (the next turn or control call starts a new one, which resumes the
 * conversation), {@link Reason#IDLE} after {@link dev.claudecode.Session#clear()} until the next turn, and
 * {@link Reason#STOPPED} for good after {@link dev.claudecode.Session#stop()}.
 *
 * @param status how usable the session is
 * @param reason why
 * @param detail a human-readable explanation, e.g. the exit status and stderr of a dead CLI
 * @param pid the process id of the running CLI, when one runs and its id is known
 */
public record Health(Status status, Reason reason, String detail, OptionalLong pid) {

    /** How usable a session is. */
    public enum Status {
        /** The CLI is ready, or none is needed right now. */
        HEALTHY,
        /** The CLI is coming up: turns and control calls wait for it. */
        DEGRADED,
        /** The CLI is dead, failed its handshake, or the session is stopped. */
        UNHEALTHY
    }

    /** Why a session has the health it has. */
    public enum Reason {
        /** The CLI is being launched. */
        STARTING(Status.DEGRADED),
        /** The CLI runs; its answer to {@code initialize} has not arrived yet. */
        INITIALIZING(Status.DEGRADED),
        /** The CLI runs and has answered {@code initialize}. */
        READY(Status.HEALTHY),
        /** No CLI runs because the conversation was cleared; the next turn starts one. */
        IDLE(Status.HEALTHY),
        /** The CLI runs but answered {@code initialize} with an error, or not in time. */
        INITIALIZE_FAILED(Status.UNHEALTHY),
        /** The CLI exited unexpectedly; the next turn or control call starts a new one. */
        PROCESS_DEAD(Status.UNHEALTHY),
        /** The session is stopped. */
        STOPPED(Status.UNHEALTHY);

        private final Status status;

        Reason(Status status) {
            this.status = status;
        }

        /**
         * Tells the status this reason stands for.
         *
         * @return the status
         */
        public Status status() {
            return status;
        }
    }

    /**
     * Validates the components.
     *
     * @param status not null
     * @param reason not null
     * @param detail not null
     * @param pid empty when unknown
     */
    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(pid, "pid");
    }

    /**
     * The health a reason stands for.
     *
     * @param reason why
     * @param detail a human-readable explanation
     * @param pid the CLI's process id, when known
     * @return the health
     */
    public static Health of(Reason reason, String detail, OptionalLong pid) {
        return new Health(reason.status(), reason, detail, pid);
    }

    /**
     * Tells whether the session is fully usable.
     *
     * @return whether the status is {@link Status#HEALTHY}
     */
    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }
}
