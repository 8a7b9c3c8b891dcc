package dev.claudecode.permission;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to the CLI's permission settings. The CLI suggests some with each permission prompt
 * ({@link ToolPermissionRequest#permissionSuggestions()}); a {@link CanUseTool} callback applies
 * changes by returning them in {@link PermissionResult.Allow#updatedPermissions()}, for example
 * to stop being asked about a tool for the rest of the session.
 *
 * <p>Changes of kinds this library does not know arrive as {@link Unknown} and are sent back
 * unchanged when returned.
 */
public sealed interface PermissionUpdate {

    /**
     * Adds rules.
     *
     * @param rules the rules
     * @param behavior what they do
     * @param destination where they are stored
     */
    record AddRules(List<PermissionRule> rules, PermissionBehavior behavior, PermissionDestination destination)
            implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param rules at least one
         * @param behavior what the rules do
         * @param destination where they are stored
         */
        public AddRules {
            rules = requireRules(rules);
            Objects.requireNonNull(behavior, "behavior");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Replaces every rule of a behavior at a destination.
     *
     * @param rules the new rules
     * @param behavior the behavior whose rules are replaced
     * @param destination where they are stored
     */
    record ReplaceRules(List<PermissionRule> rules, PermissionBehavior behavior, PermissionDestination destination)
            implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param rules the rules, possibly none
         * @param behavior what the rules do
         * @param destination where they are stored
         */
        public ReplaceRules {
            rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            Objects.requireNonNull(behavior, "behavior");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Removes rules.
     *
     * @param rules the rules to remove
     * @param behavior the behavior they had
     * @param destination where they are stored
     */
    record RemoveRules(List<PermissionRule> rules, PermissionBehavior behavior, PermissionDestination destination)
            implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param rules at least one
         * @param behavior what the rules did
         * @param destination where they are stored
         */
        public RemoveRules {
            rules = requireRules(rules);
            Objects.requireNonNull(behavior, "behavior");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Switches the permission mode.
     *
     * @param mode the new mode
     * @param destination where it is stored; {@link PermissionDestination#SESSION} for this session only
     */
    record SetMode(PermissionMode mode, PermissionDestination destination) implements PermissionUpdate {

        /**
         * Validates the components.
         *
         * @param mode the mode
         * @param destination where it is stored
         */
        public SetMode {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Lets tools work in more directories.
     *
     * @param directories absolute paths on the machine where the CLI runs
     * @param destination where the change is stored
     */
    record AddDirectories(List<String> directories, PermissionDestination destination) implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param directories at least one
         * @param destination where the change is stored
         */
        public AddDirectories {
            directories = requireDirectories(directories);
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Takes directories away from the tools.
     *
     * @param directories absolute paths on the machine where the CLI runs
     * @param destination where the change is stored
     */
    record RemoveDirectories(List<String> directories, PermissionDestination destination) implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param directories at least one
         * @param destination where the change is stored
         */
        public RemoveDirectories {
            directories = requireDirectories(directories);
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * A change this library cannot read (a newer kind, or a destination or behavior it does not
     * know), kept whole.
     *
     * @param type the change's {@code type} value; empty when it had none
     * @param raw the whole change as plain JSON
     */
    record Unknown(String type, Map<String, Object> raw) implements PermissionUpdate {

        /**
         * Validates and copies the components.
         *
         * @param type the type
         * @param raw the JSON
         */
        public Unknown {
            Objects.requireNonNull(type, "type");
            raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
        }
    }

    /**
     * {@return a change that allows the rules for this session only}
     *
     * @param rules the rules
     */
    static AddRules allowForSession(PermissionRule... rules) {
        return new AddRules(List.of(rules), PermissionBehavior.ALLOW, PermissionDestination.SESSION);
    }

    /**
     * {@return a change that switches this session to the mode}
     *
     * @param mode the mode
     */
    static SetMode setModeForSession(PermissionMode mode) {
        return new SetMode(mode, PermissionDestination.SESSION);
    }

    private static List<PermissionRule> requireRules(List<PermissionRule> rules) {
        List<PermissionRule> copy = List.copyOf(Objects.requireNonNull(rules, "rules"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a rule change needs at least one rule");
        }
        return copy;
    }

    private static List<String> requireDirectories(List<String> directories) {
        List<String> copy = List.copyOf(Objects.requireNonNull(directories, "directories"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a directory change needs at least one directory");
        }
        return copy;
    }
}
