package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import java.util.List;
import java.util.Objects;

/**
 * Which variables of this JVM's environment the CLI process inherits. Whatever is inherited, the
 * library removes {@code CLAUDECODE} (which would make the CLI believe it runs inside another Claude
 * Code session) and then adds its own variables and {@code ClaudeCodeOptions.env}.
 *
 * <p>{@link #none()} gives the CLI only what the options set: without {@code PATH} and {@code HOME}
 * its tools (Bash, git) may not work, so list what they need in {@code env} or use
 * {@link #only(List)}.
 */
public sealed interface InheritEnv permits InheritEnv.All, InheritEnv.None, InheritEnv.Only {

    /** {@return inherit every variable (the default)} */
    static InheritEnv all() {
        return new All();
    }

    /** {@return inherit nothing} */
    static InheritEnv none() {
        return new None();
    }

    /**
     * {@return inherit only matching variables}
     *
     * @param patterns variable names, or prefixes ending in {@code *} (e.g. {@code LC_*})
     */
    static InheritEnv only(List<String> patterns) {
        return new Only(patterns);
    }

    /**
     * {@return inherit only matching variables}
     *
     * @param patterns variable names, or prefixes ending in {@code *}
     */
    static InheritEnv only(String... patterns) {
        return new Only(List.of(patterns));
    }

    /**
     * Tells whether a variable of the parent environment is passed on.
     *
     * @param name the variable name
     * @return true when the CLI inherits it
     */
    boolean inherits(String name);

    /** Inherit every variable. */
    record All() implements InheritEnv {
        @Override
        public boolean inherits(String name) {
            return true;
        }
    }

    /** Inherit nothing. */
    record None() implements InheritEnv {
        @Override
        public boolean inherits(String name) {
            return false;
        }
    }

    /**
     * Inherit the variables that match one of the patterns: an exact name, or a prefix followed by
     * {@code *}. Matching is case-sensitive, as environment names are on POSIX systems.
     *
     * @param patterns the names and prefixes
     */
    record Only(List<String> patterns) implements InheritEnv {

        /**
         * Copies and validates the patterns.
         *
         * @param patterns the names and prefixes, none blank
         */
        public Only {
            patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
            for (String pattern : patterns) {
                if (pattern.isBlank()) {
                    throw new InvalidOptionsException("an inheritEnv pattern must not be blank");
                }
            }
        }

        @Override
        public boolean inherits(String name) {
            for (String pattern : patterns) {
                boolean matches = pattern.endsWith("*")
                        ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                        : name.equals(pattern);
                if (matches) {
                    return true;
                }
            }
            return false;
        }
    }
}
