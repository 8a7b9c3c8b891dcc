package dev.claudecode.control;

import java.util.List;
import java.util.Objects;

/**
 * The CLI's receipt for an interrupt: which queued user messages survive it and which it
 * cancelled. Sent by CLIs that advertise {@code interrupt_receipt_v1} in {@code system/init}
 * ({@code capabilities}), introduced after CLI 2.1.197; 2.1.197 answers an interrupt without one.
 * Only messages sent with their own uuid ({@link dev.claudecode.UserInput#withUuid}) are listed,
 * and a list may name uuids the CLI queued itself: ignore those.
 *
 * @param stillQueued uuids of queued user messages that will still run unless cancelled
 *     ({@code still_queued}), e.g. with {@link SessionControl#cancelAsyncMessage(String)}
 * @param cancelled uuids of queued user messages this interrupt cancelled ({@code cancelled}); only
 *     for {@code interruptAndCancelQueued}, otherwise empty
 */
public record InterruptReceipt(List<String> stillQueued, List<String> cancelled) {

    /** Validates and copies the components. */
    public InterruptReceipt {
        stillQueued = List.copyOf(Objects.requireNonNull(stillQueued, "stillQueued"));
        cancelled = List.copyOf(Objects.requireNonNull(cancelled, "cancelled"));
    }
}
