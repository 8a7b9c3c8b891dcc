package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool use was denied without asking anyone ({@code system/permission_denied}): by a rule, the
 * permission mode, a classifier, or because the session has no way to ask. It comes before the
 * tool result that tells the model; the denial is also listed in the turn's {@link
 * ResultMessage#permissionDenials()}.
 *
 * <p>Since CLI 2.1.136.
 *
 * @param toolName the tool ({@code tool_name})
 * @param toolUseId the denied tool use ({@code tool_use_id})
 * @param agentId the subagent whose tool use it was ({@code agent_id}); empty in the main
 *     conversation
 * @param decisionReasonType what decided it ({@code decision_reason_type}), such as {@code
 *     "rule"}, {@code "mode"}, {@code "classifier"} or {@code "asyncAgent"}
 * @param decisionReason the deciding part's reason, when it gave one ({@code decision_reason})
 * @param message the text the model receives in the tool result
 * @param envelope the session id, uuid and JSON of the message
 */
public record PermissionDeniedMessage(
        String toolName,
        String toolUseId,
        Optional<String> agentId,
        Optional<String> decisionReasonType,
        Optional<String> decisionReason,
        String message,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "permission_denied";

    /** Validates the components. */
    public PermissionDeniedMessage {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(decisionReasonType, "decisionReasonType");
        Objects.requireNonNull(decisionReason, "decisionReason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
