package dev.claudecode.hook;

import java.time.Instant;

/**
 * What a hook callback knows about its own call besides the input: its registration, its
 * deadline and whether it is still wanted. A callback is cancelled when the CLI withdraws the
 * request or its timeout passes; its thread is interrupted at the same moment, so blocking calls
 * throw {@link InterruptedException}, and a loop can poll {@link #isCancelled()}.
 */
public interface HookContext {

    /** {@return the callback's id on the wire, e.g. {@code hook_0}} */
    String callbackId();

    /** {@return the event the callback was registered for} */
    HookEvent event();

    /** {@return when the callback's answer is no longer awaited} */
    Instant deadline();

    /** {@return whether the answer is no longer wanted} */
    boolean isCancelled();
}
