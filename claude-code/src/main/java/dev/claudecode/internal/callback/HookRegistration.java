package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookCallback;
import dev.claudecode.hook.HookEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * One hook callback as the CLI knows it: its id on the wire and what it was registered for.
 *
 * @param id the callback id, {@code hook_<n>}
 * @param event the event
 * @param matcher the matcher's pattern, if any
 * @param callback the Java code
 * @param timeout the matcher's timeout, if it has one
 */
public record HookRegistration(
        String id, HookEvent event, Optional<String> matcher, HookCallback callback, Optional<Duration> timeout) {
}
