package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What became of a user message the caller sent with its own uuid ({@code "type":"command_lifecycle"}):
 * {@code "queued"} when it entered the CLI's command queue, {@code "started"} when a turn took it up,
 * then one final state: {@code "completed"} when that turn ended, {@code "cancelled"} when it was
 * withdrawn (an interrupt that cancels queued messages, {@code cancel_async_message}), or newer
 * ones such as {@code "discarded"} and {@code "refused"}. Messages sent without a uuid get none.
 *
 * <p>Sent to SDK clients by CLI 2.1.332 (the pinned version; CLI 2.1.197 kept these events to its
 * remote transports), which announces it with the capability {@code msg_lifecycle_v1} in {@link
 * InitMessage#capabilities()}.
 *
 * @param commandUuid the uuid the caller gave its message ({@code command_uuid})
 * @param state {@code "queued"}, {@code "started"}, {@code "completed"}, {@code "cancelled"} or a
 *     newer state
 * @param wakeupSource on {@code "started"} of a scheduled wake-up, what fired it ({@code
 *     wakeup_source}): {@code "loop_wakeup"} or {@code "schedule_wakeup"}
 * @param scheduledFor beside {@code "loop_wakeup"}, the time the wake-up was set for, in epoch
 *     milliseconds ({@code scheduled_for})
 * @param envelope the session id, uuid and JSON of the message
 */
public record CommandLifecycleMessage(
        String commandUuid,
        String state,
        Optional<String> wakeupSource,
        OptionalLong scheduledFor,
        Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "command_lifecycle";

    /** Validates the components. */
    public CommandLifecycleMessage {
        Objects.requireNonNull(commandUuid, "commandUuid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(wakeupSource, "wakeupSource");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Whether this is the message's last lifecycle event: any state but {@code "queued"} and
     * {@code "started"}.
     *
     * @return true for {@code "completed"}, {@code "cancelled"} and the other final states
     */
    public boolean isFinal() {
        return !state.equals("queued") && !state.equals("started");
    }
}
