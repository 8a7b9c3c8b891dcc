package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The CLI's activity changed ({@code system/status}): {@code "requesting"} before each API call
 * (only with partial messages enabled), {@code "compacting"}, or none; also sent after the
 * permission mode changed.
 *
 * @param status the activity, absent when the CLI is idle again ({@code status:null})
 * @param permissionMode the new permission mode ({@code permissionMode}), when it changed
 * @param compactResult {@code "success"} or {@code "failed"} after a compaction ({@code
 *     compact_result})
 * @param compactError why a compaction failed ({@code compact_error})
 * @param envelope the session id, uuid and JSON of the message
 */
public record StatusMessage(
        Optional<String> status,
        Optional<String> permissionMode,
        Optional<String> compactResult,
        Optional<String> compactError,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "status";

    /** Copies the components. */
    public StatusMessage {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(permissionMode, "permissionMode");
        Objects.requireNonNull(compactResult, "compactResult");
        Objects.requireNonNull(compactError, "compactError");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
