package dev.claudecode.message;

import java.util.Objects;

/**
 * A settings command hook started ({@code system/hook_started}). Sent only with hook events
 * enabled, and never for hooks implemented as SDK callbacks.
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name}), such as {@code "PreToolUse:Bash"}
 * @param hookEvent the hook event ({@code hook_event}), such as {@code "PreToolUse"}
 * @param envelope the session id, uuid and JSON of the message
 */
public record HookStartedMessage(
        String hookId,
        String hookName,
        String hookEvent,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "hook_started";

    /** Validates and copies the components. */
    public HookStartedMessage {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(hookName, "hookName");
        Objects.requireNonNull(hookEvent, "hookEvent");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
