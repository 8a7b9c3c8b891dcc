package dev.claudecode.spring;

import dev.claudecode.hook.HookCallback;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import java.util.Objects;

/**
 * A hook of the application's sessions, as a bean: every bean of this type is registered on the
 * sessions the starter starts.
 *
 * <pre>{@code
 * @Bean
 * ClaudeCodeHook noShell() {
 *     return ClaudeCodeHook.of(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash",
 *             (input, toolUseId, context) -> HookOutput.denyTool("No shell here.")));
 * }
 * }</pre>
 *
 * @param event when the hook runs
 * @param matcher which tools it applies to, and its callbacks
 */
public record ClaudeCodeHook(HookEvent event, HookMatcher matcher) {

    /** Validates the components. */
    public ClaudeCodeHook {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * @param event when the hook runs
     * @param matcher which tools it applies to, and its callbacks
     * @return the hook
     */
    public static ClaudeCodeHook of(HookEvent event, HookMatcher matcher) {
        return new ClaudeCodeHook(event, matcher);
    }

    /**
     * @param event when the hook runs
     * @param callback what it does, for every tool
     * @return the hook
     */
    public static ClaudeCodeHook of(HookEvent event, HookCallback callback) {
        return new ClaudeCodeHook(event, HookMatcher.all(callback));
    }
}
