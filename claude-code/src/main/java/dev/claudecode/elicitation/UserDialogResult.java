package dev.claudecode.elicitation;

import dev.claudecode.internal.json.JsonValues;
import java.util.Objects;

/**
 * The answer to a {@link UserDialogRequest}: the person's choice, in the shape the dialog's kind
 * defines, or cancelled, after which the CLI applies the dialog's default.
 */
public sealed interface UserDialogResult {

    /**
     * {@return a completed answer}
     *
     * @param result the choice as a plain JSON value (a string, number, boolean, map or list), e.g.
     *     {@code "retry_fallback"} for a {@value UserDialogRequest#REFUSAL_FALLBACK_PROMPT}
     */
    static Completed completed(Object result) {
        return new Completed(result);
    }

    /** {@return an answer that dismisses the dialog; the CLI applies its default} */
    static Cancelled cancelled() {
        return new Cancelled();
    }

    /**
     * The person chose.
     *
     * @param result the choice, as a plain JSON value
     */
    record Completed(Object result) implements UserDialogResult {

        /**
         * Copies the choice.
         *
         * @param result the choice
         */
        public Completed {
            result = JsonValues.copy(Objects.requireNonNull(result, "result"));
        }
    }

    /** The dialog was dismissed, or nobody answered. */
    record Cancelled() implements UserDialogResult {
    }
}
