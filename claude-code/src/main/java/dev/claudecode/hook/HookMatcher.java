package dev.claudecode.hook;

import dev.claudecode.errors.InvalidOptionsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Callbacks for one event, optionally limited by a matcher, with a timeout.
 *
 * <pre>{@code
 * HookMatcher noRm = HookMatcher.of("Bash", (input, toolUseId, context) ->
 *         input instanceof HookInput.PreToolUse pre
 *                 && String.valueOf(pre.toolInput().get("command")).contains("rm -rf")
 *                 ? HookOutput.denyTool("rm -rf is not allowed")
 *                 : HookOutput.empty());
 * }</pre>
 *
 * @param matcher what the CLI matches the event against (for tool events the tool name, as a
 *     regular expression such as {@code Bash} or {@code Write|Edit}; for SessionStart the source,
 *     ...); empty matches every occurrence of the event
 * @param hooks the callbacks, called in order of registration
 * @param timeout how long each callback may take; empty means the session's default hook timeout
 */
public record HookMatcher(Optional<String> matcher, List<HookCallback> hooks, Optional<Duration> timeout) {

    /** Validates and copies the components. */
    public HookMatcher {
        Objects.requireNonNull(matcher, "matcher");
        hooks = List.copyOf(Objects.requireNonNull(hooks, "hooks"));
        if (hooks.isEmpty()) {
            throw new InvalidOptionsException("a hook matcher needs at least one callback");
        }
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new InvalidOptionsException("a hook timeout must be positive, was " + t);
            }
        });
    }

    /**
     * {@return a matcher that runs the callbacks for every occurrence of its event}
     *
     * @param hooks the callbacks
     */
    public static HookMatcher all(HookCallback... hooks) {
        return new HookMatcher(Optional.empty(), List.of(hooks), Optional.empty());
    }

    /**
     * {@return a matcher that runs the callbacks for occurrences that match}
     *
     * @param matcher the pattern, e.g. a tool name
     * @param hooks the callbacks
     */
    public static HookMatcher of(String matcher, HookCallback... hooks) {
        return new HookMatcher(Optional.of(matcher), List.of(hooks), Optional.empty());
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this matcher's values} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.matcher = matcher.orElse(null);
        builder.hooks.addAll(hooks);
        builder.timeout = timeout.orElse(null);
        return builder;
    }

    /**
     * {@return this matcher with the timeout}
     *
     * @param newTimeout how long each callback may take
     */
    public HookMatcher withTimeout(Duration newTimeout) {
        return new HookMatcher(matcher, hooks, Optional.of(newTimeout));
    }

    /** Builds a {@link HookMatcher}. */
    public static final class Builder {

        private String matcher;
        private final List<HookCallback> hooks = new ArrayList<>();
        private Duration timeout;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param pattern what the CLI matches the event against; null matches everything
         */
        public Builder matcher(String pattern) {
            this.matcher = pattern;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param hook a callback to add
         */
        public Builder hook(HookCallback hook) {
            hooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param limit how long each callback may take; null means the session's default
         */
        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** {@return the matcher} */
        public HookMatcher build() {
            return new HookMatcher(Optional.ofNullable(matcher), hooks, Optional.ofNullable(timeout));
        }
    }
}
