package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The session's goal changed ({@code "type":"active_goal"}): set with {@code /goal <condition>},
 * advanced by a turn, or cleared. The TypeScript SDK lists it among the lines of the CLI's output
 * but not among its messages; this library passes it on like any other message.
 *
 * <p>Since CLI 2.1.203.
 *
 * @param goal the goal in effect; empty when it was cleared ({@code value:null})
 * @param envelope the session id, uuid and JSON of the message
 */
public record ActiveGoalMessage(Optional<Goal> goal, Envelope envelope) implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "active_goal";

    /** Validates the components. */
    public ActiveGoalMessage {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A goal the session works towards.
     *
     * @param condition when the goal is met, in the user's words
     * @param iterations how many turns have worked on it
     * @param setAt when it was set, in epoch milliseconds ({@code set_at})
     * @param tokensAtStart the session's token count when it was set ({@code tokens_at_start})
     * @param lastReason why the last turn judged it not yet met ({@code last_reason})
     */
    public record Goal(String condition, long iterations, long setAt, long tokensAtStart, Optional<String> lastReason) {

        /** Validates the components. */
        public Goal {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(lastReason, "lastReason");
        }
    }
}
