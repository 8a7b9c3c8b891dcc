package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
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
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record StatusMessage(
        Optional<String> status,
        Optional<String> permissionMode,
        Optional<String> compactResult,
        Optional<String> compactError,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "status";

    /** Copies the components. */
    public StatusMessage {
        status = status == null ? Optional.empty() : status;
        permissionMode = permissionMode == null ? Optional.empty() : permissionMode;
        compactResult = compactResult == null ? Optional.empty() : compactResult;
        compactError = compactError == null ? Optional.empty() : compactError;
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
