package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import java.util.List;
import java.util.Objects;

/**
 * The built-in tools the model is offered at all ({@code --tools}), as opposed to which of them may
 * run without a prompt ({@code allowedTools}). {@link Default} is the CLI's full built-in set;
 * {@link Named} lists the tools to keep, and an empty list removes every built-in tool.
 */
public sealed interface BaseTools permits BaseTools.Default, BaseTools.Named {

    /** {@return the CLI's full built-in tool set} */
    static BaseTools defaults() {
        return new Default();
    }

    /**
     * {@return exactly these tools}
     *
     * @param names the built-in tools to keep, e.g. {@code Read}, {@code Bash}
     */
    static BaseTools only(List<String> names) {
        return new Named(names);
    }

    /**
     * {@return exactly these tools}
     *
     * @param names the built-in tools to keep
     */
    static BaseTools only(String... names) {
        return new Named(List.of(names));
    }

    /** {@return no built-in tools at all} */
    static BaseTools none() {
        return new Named(List.of());
    }

    /** The CLI's full built-in tool set. */
    record Default() implements BaseTools {
    }

    /**
     * Exactly the named built-in tools.
     *
     * @param names the tool names, possibly empty; none blank
     */
    record Named(List<String> names) implements BaseTools {

        /**
         * Copies and validates the names.
         *
         * @param names the tool names
         */
        public Named {
            names = List.copyOf(Objects.requireNonNull(names, "names"));
            for (String name : names) {
                if (name.isBlank()) {
                    throw new InvalidOptionsException("a tool name in tools must not be blank");
                }
            }
        }
    }
}
