package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;

/**
 * Whether and how the model thinks before it answers. {@link Adaptive} lets models that support it
 * decide for themselves ({@code --thinking=adaptive}); {@link Enabled} gives a fixed token budget
 * ({@code --max-thinking-tokens=N}), which the CLI applies to models with budgeted thinking while
 * adaptive models stay adaptive; {@link Disabled} turns thinking off ({@code --thinking=disabled}).
 */
public sealed interface Thinking permits Thinking.Adaptive, Thinking.Enabled, Thinking.Disabled {

    /** {@return adaptive thinking} */
    static Thinking adaptive() {
        return new Adaptive();
    }

    /**
     * {@return thinking with a fixed budget}
     *
     * @param budgetTokens the most tokens the model may spend thinking, positive
     */
    static Thinking enabled(int budgetTokens) {
        return new Enabled(budgetTokens);
    }

    /** {@return no thinking} */
    static Thinking disabled() {
        return new Disabled();
    }

    /** The model decides how much to think. */
    record Adaptive() implements Thinking {
    }

    /**
     * Thinking with a fixed token budget.
     *
     * @param budgetTokens the most tokens the model may spend thinking, positive
     */
    record Enabled(int budgetTokens) implements Thinking {

        /**
         * Validates the budget.
         *
         * @param budgetTokens the budget, positive
         */
        public Enabled {
            if (budgetTokens <= 0) {
                throw new InvalidOptionsException(
                        "thinking budgetTokens must be positive (use Thinking.disabled() for none): " + budgetTokens);
            }
        }
    }

    /** No thinking. */
    record Disabled() implements Thinking {
    }
}
