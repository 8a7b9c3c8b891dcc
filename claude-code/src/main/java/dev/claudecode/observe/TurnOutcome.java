package dev.claudecode.observe;

import dev.claudecode.message.ResultMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * How a turn ended: its result and what the session worked out from the turn's messages.
 *
 * @param result the turn's {@link ResultMessage}: subtype, error flag, model round trips ({@code
 *     numTurns}), token usage, the session's cumulative cost
 * @param costUsd what this turn cost in US dollars: how much the CLI's cumulative {@code
 *     total_cost_usd} grew since the previous turn on the same conversation (the whole total after
 *     a new conversation starts)
 * @param model the model that answered, from the turn's last assistant message (else its {@code
 *     init} message)
 */
public record TurnOutcome(ResultMessage result, double costUsd, Optional<String> model) {

    /** Validates the components. */
    public TurnOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
    }
}
