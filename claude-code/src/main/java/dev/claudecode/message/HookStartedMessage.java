package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A settings command hook started ({@code system/hook_started}). Sent only with hook events
 * enabled, and never for hooks implemented as SDK callbacks.
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name}), such as {@code "PreToolUse:Bash"}
 * @param hookEvent the hook event ({@code hook_event}), such as {@code "PreToolUse"}
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record HookStartedMessage(
        String hookId,
        String hookName,
        String hookEvent,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "hook_started";

    /** Validates and copies the components. */
    public HookStartedMessage {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(hookName, "hookName");
        Objects.requireNonNull(hookEvent, "hookEvent");
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
