package dev.claudecode.hook;

import java.util.Optional;

/**
 * Java code that runs at a hook event of the CLI. Register callbacks with a {@link HookMatcher}
 * under a {@link HookEvent} in the session's options.
 *
 * <p>Each call runs on a virtual thread of its own, never on the thread that reads the CLI, and
 * calls may run concurrently. The CLI waits for the answer before it goes on, up to the matcher's
 * timeout. A callback that throws or does not answer in time is reported to the CLI as a failed
 * hook: the CLI logs it and carries on as if the hook had returned nothing.
 */
@FunctionalInterface
public interface HookCallback {

    /**
     * Handles one event.
     *
     * @param input the event's input; match on its type, e.g. {@link HookInput.PreToolUse}
     * @param toolUseId the model's tool use id for tool events
     * @param context the callback's id, deadline and cancellation
     * @return what the CLI should do; {@link HookOutput#empty()} changes nothing
     * @throws Exception any failure, reported to the CLI as a failed hook
     */
    HookOutput call(HookInput input, Optional<String> toolUseId, HookContext context) throws Exception;
}
