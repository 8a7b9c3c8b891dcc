package dev.claudecode.elicitation;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to an {@link ElicitationRequest}, as MCP defines it: the user accepted (and for a
 * form, these are the values), declined, or dismissed the question without choosing.
 *
 * <pre>{@code
 * ElicitationResult answer = ElicitationResult.accept(Map.of("name", "Ada", "age", 36));
 * }</pre>
 */
public sealed interface ElicitationResult {

    /**
     * {@return an answer that accepts with these values}
     *
     * @param content the form's values by field name, as plain JSON values
     */
    static Accept accept(Map<String, ?> content) {
        return new Accept(JsonValues.copyMap(Objects.requireNonNull(content, "content")));
    }

    /** {@return an answer that accepts without values, as for a URL step the user completed} */
    static Accept accept() {
        return new Accept(Map.of());
    }

    /** {@return an answer that refuses explicitly} */
    static Decline decline() {
        return new Decline();
    }

    /** {@return an answer that dismisses the question without a choice} */
    static Cancel cancel() {
        return new Cancel();
    }

    /** {@return the MCP action: {@code accept}, {@code decline} or {@code cancel}} */
    String action();

    /**
     * The user agreed.
     *
     * @param content the form's values by field name; empty for a URL step
     */
    record Accept(Map<String, Object> content) implements ElicitationResult {

        /**
         * Copies the values.
         *
         * @param content the values
         */
        public Accept {
            content = JsonValues.copyMap(Objects.requireNonNull(content, "content"));
        }

        @Override
        public String action() {
            return "accept";
        }
    }

    /** The user refused. */
    record Decline() implements ElicitationResult {

        @Override
        public String action() {
            return "decline";
        }
    }

    /** The user dismissed the question without choosing, or nobody answered. */
    record Cancel() implements ElicitationResult {

        @Override
        public String action() {
            return "cancel";
        }
    }
}
