package dev.claudecode.message;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A settings command hook finished ({@code system/hook_response}).
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name})
 * @param hookEvent the hook event ({@code hook_event})
 * @param output its combined output
 * @param stdout its standard output
 * @param stderr its standard error
 * @param exitCode its exit status ({@code exit_code})
 * @param outcome {@code "success"}, {@code "error"} or {@code "cancelled"}; empty when not sent
 * @param envelope the session id, uuid and JSON of the message
 */
public record HookResponseMessage(
        String hookId,
        String hookName,
        String hookEvent,
        String output,
        String stdout,
        String stderr,
        OptionalInt exitCode,
        String outcome,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "hook_response";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public HookResponseMessage {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(hookName, "hookName");
        Objects.requireNonNull(hookEvent, "hookEvent");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * A builder with every field empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this message.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hookId = hookId;
        b.hookName = hookName;
        b.hookEvent = hookEvent;
        b.output = output;
        b.stdout = stdout;
        b.stderr = stderr;
        b.exitCode = exitCode;
        b.outcome = outcome;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link HookResponseMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String hookId = "";
        private String hookName = "";
        private String hookEvent = "";
        private String output = "";
        private String stdout = "";
        private String stderr = "";
        private OptionalInt exitCode = OptionalInt.empty();
        private String outcome = "";

        private Builder() {
        }

        /**
         * Sets the id of the hook run.
         *
         * @param hookId the id of the hook run
         * @return this builder
         */
        public Builder hookId(String hookId) {
            this.hookId = Objects.requireNonNull(hookId, "hookId");
            return this;
        }

        /**
         * Sets the hook's name.
         *
         * @param hookName the hook's name
         * @return this builder
         */
        public Builder hookName(String hookName) {
            this.hookName = Objects.requireNonNull(hookName, "hookName");
            return this;
        }

        /**
         * Sets the hook event.
         *
         * @param hookEvent the hook event
         * @return this builder
         */
        public Builder hookEvent(String hookEvent) {
            this.hookEvent = Objects.requireNonNull(hookEvent, "hookEvent");
            return this;
        }

        /**
         * Sets the hook's combined output.
         *
         * @param output the hook's combined output
         * @return this builder
         */
        public Builder output(String output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Sets the hook's standard output.
         *
         * @param stdout the hook's standard output
         * @return this builder
         */
        public Builder stdout(String stdout) {
            this.stdout = Objects.requireNonNull(stdout, "stdout");
            return this;
        }

        /**
         * Sets the hook's standard error.
         *
         * @param stderr the hook's standard error
         * @return this builder
         */
        public Builder stderr(String stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /**
         * Sets the hook's exit status.
         *
         * @param exitCode the hook's exit status
         * @return this builder
         */
        public Builder exitCode(int exitCode) {
            this.exitCode = OptionalInt.of(exitCode);
            return this;
        }

        /**
         * Sets the outcome.
         *
         * @param outcome the outcome
         * @return this builder
         */
        public Builder outcome(String outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public HookResponseMessage build() {
            return new HookResponseMessage(hookId, hookName, hookEvent, output, stdout, stderr, exitCode, outcome, envelope);
        }
    }
}
