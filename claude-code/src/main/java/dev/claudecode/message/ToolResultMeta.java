package dev.claudecode.message;

import java.util.Objects;
import java.util.Optional;

/**
 * How the permission for a tool use was decided, and why the tool did not run when it did not,
 * which the CLI attaches to the user message that carries the tool's result ({@code
 * tool_result_meta}).
 *
 * @param id the tool use id
 * @param nonExecutionKind why the tool did not run ({@code non_execution_kind}), such as {@code
 *     "permission-rule"} or {@code "user-rejected"}; empty when it ran
 * @param permissionDecision the decision ({@code permission_decision.decision}): {@code "accept"}
 *     or {@code "reject"}
 * @param permissionDecisionSource who decided ({@code permission_decision.source}), such as {@code
 *     "config"}, {@code "user_temporary"} or {@code "user_reject"}
 * @param permissionDecisionReasonType what kind of reason decided it ({@code
 *     permission_decision.reason_type}), such as {@code "rule"}
 */
public record ToolResultMeta(
        String id,
        Optional<String> nonExecutionKind,
        Optional<String> permissionDecision,
        Optional<String> permissionDecisionSource,
        Optional<String> permissionDecisionReasonType) {

    /** Validates the components. */
    public ToolResultMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nonExecutionKind, "nonExecutionKind");
        Objects.requireNonNull(permissionDecision, "permissionDecision");
        Objects.requireNonNull(permissionDecisionSource, "permissionDecisionSource");
        Objects.requireNonNull(permissionDecisionReasonType, "permissionDecisionReasonType");
    }
}
