package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which skills the main session may use: every skill the CLI discovers ({@link #all()}) or only
 * the named ones ({@link #only(List)}). Leaving the option unset keeps the CLI's own defaults,
 * which is not the same as "no skills".
 *
 * <p>On the wire: the {@code Skill} tool, or one {@code Skill(name)} rule per skill, joins
 * {@code --allowedTools}, and a list is also sent as the {@code skills} field of the
 * {@code initialize} request, which hides the other skills from the model and makes the
 * {@code Skill} tool refuse them (read by CLI 2.1.197 and 2.1.332). A filter of what the model is
 * offered, not a sandbox: the skill files stay readable through other tools.
 */
public sealed interface Skills permits Skills.All, Skills.Only {

    /**
     * Every discovered skill.
     *
     * @return that choice
     */
    static All all() {
        return new All();
    }

    /**
     * Only these skills.
     *
     * @param names skill names: a skill's {@code name} or directory name, or {@code plugin:skill}
     * @return that choice
     * @throws InvalidOptionsException when a name is not one a skill can have
     */
    static Only only(List<String> names) {
        return new Only(names);
    }

    /**
     * Only these skills.
     *
     * @param names skill names
     * @return that choice
     * @throws InvalidOptionsException when a name is not one a skill can have
     */
    static Only only(String... names) {
        return new Only(List.of(names));
    }

    /** Every discovered skill: {@code Skill} is allowed, and no {@code skills} list is sent. */
    record All() implements Skills {
    }

    /**
     * Only the named skills.
     *
     * @param names the skill names, without duplicates, in order
     */
    record Only(List<String> names) implements Skills {

        private static final Pattern FORBIDDEN = Pattern.compile("[(),\\p{Cntrl}]");

        /**
         * Validates and copies the names.
         *
         * @param names the skill names
         * @throws InvalidOptionsException when a name is blank, padded, contains parentheses,
         *     commas or control characters (which a {@code Skill(name)} rule cannot carry), is a
         *     wildcard, or starts with {@code /}
         */
        public Only {
            Objects.requireNonNull(names, "names");
            for (String name : names) {
                check(name);
            }
            names = List.copyOf(new LinkedHashSet<>(names));
        }

        private static void check(String name) {
            Objects.requireNonNull(name, "skills must not contain null");
            String problem = null;
            if (name.isBlank()) {
                problem = "must not be blank";
            } else if (!name.equals(name.strip())) {
                problem = "must not have leading or trailing whitespace";
            } else if (FORBIDDEN.matcher(name).find()) {
                problem = "must not contain parentheses, commas or control characters";
            } else if (name.equals("*") || name.endsWith(":*") || name.endsWith(" *") || name.endsWith("__*")) {
                problem = "must name one skill, not a wildcard (use Skills.all())";
            } else if (name.startsWith("/")) {
                problem = "is the skill's name, without the '/' of its slash command";
            }
            if (problem != null) {
                throw new InvalidOptionsException("the skill name '" + name + "' " + problem);
            }
        }
    }
}
