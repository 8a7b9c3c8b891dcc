package dev.claudecode.permission;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link CanUseTool} callback: let the tool run, possibly with changed input, or
 * refuse it.
 *
 * <pre>{@code
 * CanUseTool policy = request -> request.toolName().equals("Bash")
 *         && String.valueOf(request.input().get("command")).startsWith("rm ")
 *         ? PermissionResult.deny("No rm, please.")
 *         : PermissionResult.allow();
 * }</pre>
 */
public sealed interface PermissionResult {

    /** {@return an answer that lets the tool run with the model's input} */
    static Allow allow() {
        return new Allow(Optional.empty(), List.of());
    }

    /**
     * {@return an answer that lets the tool run with changed input}
     *
     * @param updatedInput the input the tool runs with instead of the model's
     */
    static Allow allow(Map<String, ?> updatedInput) {
        return new Allow(Optional.of(JsonValues.copyMap(updatedInput)), List.of());
    }

    /**
     * {@return an answer that refuses the tool; the model carries on}
     *
     * @param message why, as the model sees it in the tool result
     */
    static Deny deny(String message) {
        return new Deny(message, false);
    }

    /**
     * Refuses the tool and stops the turn. The CLI then shows the model its own stock rejection
     * text instead of {@code message} and ends the turn with an {@code error_during_execution}
     * result.
     *
     * @param message why
     * @return an answer that refuses the tool and interrupts the turn
     */
    static Deny denyAndInterrupt(String message) {
        return new Deny(message, true);
    }

    /**
     * The tool may run.
     *
     * @param updatedInput the input to run it with; empty runs it with the model's input
     * @param updatedPermissions permission changes to apply, e.g. the request's suggestions so
     *     that the CLI stops asking
     */
    record Allow(Optional<Map<String, Object>> updatedInput, List<PermissionUpdate> updatedPermissions)
            implements PermissionResult {

        /**
         * Copies the components.
         *
         * @param updatedInput the changed input, if any
         * @param updatedPermissions the changes to apply
         */
        public Allow {
            updatedInput = Objects.requireNonNull(updatedInput, "updatedInput").map(JsonValues::copyMap);
            updatedPermissions = List.copyOf(Objects.requireNonNull(updatedPermissions, "updatedPermissions"));
        }

        /**
         * {@return this answer with the changes (replacing earlier ones)}
         *
         * @param updates permission changes to apply
         */
        public Allow withUpdatedPermissions(List<? extends PermissionUpdate> updates) {
            return new Allow(updatedInput, List.copyOf(updates));
        }

        /**
         * {@return this answer with the changes (replacing earlier ones)}
         *
         * @param updates permission changes to apply
         */
        public Allow withUpdatedPermissions(PermissionUpdate... updates) {
            return withUpdatedPermissions(List.of(updates));
        }
    }

    /**
     * The tool may not run.
     *
     * @param message why; the model sees it as the tool's error result
     * @param interrupt whether the turn stops as well
     */
    record Deny(String message, boolean interrupt) implements PermissionResult {

        /**
         * Validates the components.
         *
         * @param message the reason
         * @param interrupt whether to stop the turn
         */
        public Deny {
            Objects.requireNonNull(message, "message");
        }
    }
}
