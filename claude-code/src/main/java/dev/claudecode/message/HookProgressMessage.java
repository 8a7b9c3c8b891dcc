package dev.claudecode.message;

import java.util.Objects;

/**
 * Output a running settings command hook has produced so far ({@code system/hook_progress}).
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name})
 * @param hookEvent the hook event ({@code hook_event})
 * @param stdout its standard output so far
 * @param stderr its standard error so far
 * @param output its combined output so far
 * @param envelope the session id, uuid and JSON of the message
 */
public record HookProgressMessage(
        String hookId,
        String hookName,
        String hookEvent,
        String stdout,
        String stderr,
        String output,
        Envelope envelope)
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
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
