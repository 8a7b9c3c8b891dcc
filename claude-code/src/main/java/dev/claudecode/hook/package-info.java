/**
 * Hooks: Java callbacks that run at points of the CLI's life (before and after tools, when a
 * prompt is submitted, when the conversation stops, ...).
 *
 * <p>Register {@link dev.claudecode.hook.HookCallback}s in {@link dev.claudecode.hook.HookMatcher}s
 * under {@link dev.claudecode.hook.HookEvent}s in the session's options. Each call receives a typed
 * {@link dev.claudecode.hook.HookInput} and answers with a {@link dev.claudecode.hook.HookOutput}.
 */
package dev.claudecode.hook;
