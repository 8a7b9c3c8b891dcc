package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Output a running settings command hook has produced so far ({@code system/hook_progress}).
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name})
 * @param hookEvent the hook event ({@code hook_event})
 * @param stdout its standard output so far
 * @param stderr its standard error so far
 * @param output its combined output so far
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record HookProgressMessage(
        String hookId,
        String hookName,
        String hookEvent,
        String stdout,
        String stderr,
        String output,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "hook_progress";

    /** Validates and copies the components. */
    public HookProgressMessage {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(hookName, "hookName");
        Objects.requireNonNull(hookEvent, "hookEvent");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(output, "output");
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
