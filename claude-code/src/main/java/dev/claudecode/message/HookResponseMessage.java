package dev.claudecode.message;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A settings command hook finished ({@code system/hook_response}).
 *
 * @param hookId the id of this hook run ({@code hook_id})
 * @param hookName the hook's name ({@code hook_name})
 * @param hookEvent the hook event ({@code hook_event})
 * @param output its combined output
 * @param stdout its standard output
 * @param stderr its standard error
 * @param exitCode its exit status ({@code exit_code})
 * @param outcome {@code "success"}, {@code "error"} or {@code "cancelled"}; empty when not sent
 * @param envelope the session id, uuid and JSON of the message
 */
public record HookResponseMessage(
        String hookId,
        String hookName,
        String hookEvent,
        String output,
        String stdout,
        String stderr,
        OptionalInt exitCode,
        String outcome,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "hook_response";

    /** Validates and copies the components. */
    public HookResponseMessage {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(hookName, "hookName");
        Objects.requireNonNull(hookEvent, "hookEvent");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        exitCode = exitCode == null ? OptionalInt.empty() : exitCode;
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
