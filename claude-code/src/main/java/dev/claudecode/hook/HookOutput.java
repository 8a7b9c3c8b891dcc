package dev.claudecode.hook;

import dev.claudecode.internal.json.JsonValues;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a hook callback tells the CLI. Every part is optional; {@link #empty()} changes nothing.
 *
 * <pre>{@code
 * HookOutput.denyTool("Blocked by policy");                    // PreToolUse: refuse the tool
 * HookOutput.block("Also say goodbye.");                       // Stop: go on with this feedback
 * HookOutput.stop("Out of budget");                            // end the turn
 * HookOutput.additionalContext(HookEvent.USER_PROMPT_SUBMIT, "The user is on call today.");
 * HookOutput.builder().systemMessage("Checked by audit hook").build();
 * }</pre>
 *
 * @param shouldContinue {@code false} stops the turn after the hook ({@code continue} on the
 *     wire); empty means go on
 * @param stopReason the reason shown when {@code shouldContinue} is false
 * @param suppressOutput whether the hook's output is hidden from the transcript
 * @param systemMessage a message shown to the user
 * @param decision approve or block (see {@link HookDecision})
 * @param reason why, for {@code decision}; for a blocking Stop hook the model's feedback
 * @param hookSpecificOutput the output only the hook's event understands
 * @param terminalSequence a terminal escape sequence for the CLI to write on the hook's behalf, such
 *     as a desktop notification ({@code terminalSequence}); the CLI keeps only notification and title
 *     sequences and BEL
 * @param isAsync whether the hook answers that it runs on in the background ({@code async}); all
 *     other parts must then be empty
 * @param asyncTimeout for an async answer, how long the CLI lets it run
 */
public record HookOutput(
        Optional<Boolean> shouldContinue,
        Optional<String> stopReason,
        Optional<Boolean> suppressOutput,
        Optional<String> systemMessage,
        Optional<HookDecision> decision,
        Optional<String> reason,
        Optional<HookSpecificOutput> hookSpecificOutput,
        Optional<String> terminalSequence,
        boolean isAsync,
        Optional<Duration> asyncTimeout) {

    private static final HookOutput EMPTY = builder().build();

    /** Validates the components. */
    public HookOutput {
        Objects.requireNonNull(shouldContinue, "shouldContinue");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(suppressOutput, "suppressOutput");
        Objects.requireNonNull(systemMessage, "systemMessage");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(hookSpecificOutput, "hookSpecificOutput");
        Objects.requireNonNull(terminalSequence, "terminalSequence");
        Objects.requireNonNull(asyncTimeout, "asyncTimeout");
        if (isAsync && (shouldContinue.isPresent() || stopReason.isPresent() || suppressOutput.isPresent()
                || systemMessage.isPresent() || decision.isPresent() || reason.isPresent()
                || hookSpecificOutput.isPresent() || terminalSequence.isPresent())) {
            throw new IllegalArgumentException("an async hook answer carries nothing but its timeout");
        }
        if (!isAsync && asyncTimeout.isPresent()) {
            throw new IllegalArgumentException("asyncTimeout belongs to an async hook answer");
        }
        asyncTimeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("asyncTimeout must be positive, was " + t);
            }
        });
    }

    /** {@return an output that changes nothing} */
    public static HookOutput empty() {
        return EMPTY;
    }

    /** {@return an answer saying the hook goes on in the background; the CLI does not wait} */
    public static HookOutput async() {
        return builder().async(true).build();
    }

    /**
     * {@return an answer saying the hook goes on in the background}
     *
     * @param timeout how long the CLI lets the background work run
     */
    public static HookOutput async(Duration timeout) {
        return builder().async(true).asyncTimeout(timeout).build();
    }

    /**
     * {@return an output with {@code decision: block}}
     *
     * @param reason the feedback; for Stop hooks the model reads it and goes on
     */
    public static HookOutput block(String reason) {
        return builder().decision(HookDecision.BLOCK).reason(reason).build();
    }

    /**
     * {@return an output that stops the turn ({@code continue: false})}
     *
     * @param stopReason why, as shown to the user
     */
    public static HookOutput stop(String stopReason) {
        return builder().shouldContinue(false).stopReason(stopReason).build();
    }

    /**
     * {@return an output that adds the text}
     *
     * @param event the hook's event
     * @param context text added for the model
     */
    public static HookOutput additionalContext(HookEvent event, String context) {
        HookSpecificOutput specific = switch (event.name()) {
            case "PreToolUse" -> new HookSpecificOutput.PreToolUse(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(context));
            case "PostToolUse" -> new HookSpecificOutput.PostToolUse(Optional.of(context), Optional.empty());
            case "UserPromptSubmit" -> new HookSpecificOutput.UserPromptSubmit(Optional.of(context), Optional.empty());
            case "SessionStart" -> new HookSpecificOutput.SessionStart(Optional.of(context), Optional.empty(),
                    Optional.empty(), java.util.List.of());
            default -> new HookSpecificOutput.AdditionalContext(event, context);
        };
        return of(specific);
    }

    /**
     * {@return an output carrying it}
     *
     * @param specific the event-specific output
     */
    public static HookOutput of(HookSpecificOutput specific) {
        return builder().hookSpecificOutput(specific).build();
    }

    /** {@return a PreToolUse output that lets the tool run without a permission prompt} */
    public static HookOutput allowTool() {
        return preToolUse(PermissionDecision.ALLOW, Optional.empty(), Optional.empty());
    }

    /**
     * {@return a PreToolUse output that lets the tool run, without a prompt, on changed input}
     *
     * @param updatedInput the input the tool runs with instead of the model's
     */
    public static HookOutput allowTool(Map<String, ?> updatedInput) {
        return preToolUse(PermissionDecision.ALLOW, Optional.empty(), Optional.of(JsonValues.copyMap(updatedInput)));
    }

    /**
     * {@return a PreToolUse output that refuses the tool}
     *
     * @param reason why; the model sees it as the tool's error result
     */
    public static HookOutput denyTool(String reason) {
        return preToolUse(PermissionDecision.DENY, Optional.of(reason), Optional.empty());
    }

    /**
     * {@return a PreToolUse output that sends the tool use to a permission prompt}
     *
     * @param reason why the user is asked
     */
    public static HookOutput askTool(String reason) {
        return preToolUse(PermissionDecision.ASK, Optional.ofNullable(reason), Optional.empty());
    }

    private static HookOutput preToolUse(PermissionDecision decision, Optional<String> reason,
            Optional<Map<String, Object>> updatedInput) {
        return of(new HookSpecificOutput.PreToolUse(Optional.of(decision), reason, updatedInput, Optional.empty()));
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this output's values} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.shouldContinue = shouldContinue;
        builder.stopReason = stopReason;
        builder.suppressOutput = suppressOutput;
        builder.systemMessage = systemMessage;
        builder.decision = decision;
        builder.reason = reason;
        builder.hookSpecificOutput = hookSpecificOutput;
        builder.terminalSequence = terminalSequence;
        builder.async = isAsync;
        builder.asyncTimeout = asyncTimeout;
        return builder;
    }

    /** Builds a {@link HookOutput}. */
    public static final class Builder {

        private Optional<Boolean> shouldContinue = Optional.empty();
        private Optional<String> stopReason = Optional.empty();
        private Optional<Boolean> suppressOutput = Optional.empty();
        private Optional<String> systemMessage = Optional.empty();
        private Optional<HookDecision> decision = Optional.empty();
        private Optional<String> reason = Optional.empty();
        private Optional<HookSpecificOutput> hookSpecificOutput = Optional.empty();
        private Optional<String> terminalSequence = Optional.empty();
        private boolean async;
        private Optional<Duration> asyncTimeout = Optional.empty();

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param value {@code false} stops the turn after the hook
         */
        public Builder shouldContinue(boolean value) {
            this.shouldContinue = Optional.of(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value the reason shown when the turn stops; null clears it
         */
        public Builder stopReason(String value) {
            this.stopReason = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether the hook's output is hidden from the transcript
         */
        public Builder suppressOutput(boolean value) {
            this.suppressOutput = Optional.of(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value a message shown to the user; null clears it
         */
        public Builder systemMessage(String value) {
            this.systemMessage = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value approve or block; null clears it
         */
        public Builder decision(HookDecision value) {
            this.decision = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value why, for the decision; null clears it
         */
        public Builder reason(String value) {
            this.reason = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value the event-specific output; null clears it
         */
        public Builder hookSpecificOutput(HookSpecificOutput value) {
            this.hookSpecificOutput = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value a terminal escape sequence for the CLI to write, such as a desktop
         *     notification; null clears it
         */
        public Builder terminalSequence(String value) {
            this.terminalSequence = Optional.ofNullable(value);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value whether the hook goes on in the background
         */
        public Builder async(boolean value) {
            this.async = value;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param value how long the CLI lets async work run; null clears it
         */
        public Builder asyncTimeout(Duration value) {
            this.asyncTimeout = Optional.ofNullable(value);
            return this;
        }

        /** {@return the output} */
        public HookOutput build() {
            return new HookOutput(shouldContinue, stopReason, suppressOutput, systemMessage, decision, reason,
                    hookSpecificOutput, terminalSequence, async, asyncTimeout);
        }
    }
}
