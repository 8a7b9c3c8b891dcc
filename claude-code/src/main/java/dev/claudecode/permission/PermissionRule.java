package dev.claudecode.permission;

import java.util.Objects;
import java.util.Optional;

/**
 * One permission rule: a tool, optionally narrowed by a tool-specific pattern, as in
 * {@code Bash(git log *)}.
 *
 * @param toolName the tool, e.g. {@code Bash}, {@code Edit} or {@code mcp__calc__add}
 * @param ruleContent the pattern inside the parentheses; empty means every use of the tool
 */
public record PermissionRule(String toolName, Optional<String> ruleContent) {

    /**
     * Validates the components.
     *
     * @param toolName not blank
     * @param ruleContent the pattern, if any
     */
    public PermissionRule {
        Objects.requireNonNull(toolName, "toolName");
        if (toolName.isBlank()) {
            throw new IllegalArgumentException("a permission rule needs a tool name");
        }
        Objects.requireNonNull(ruleContent, "ruleContent");
    }

    /**
     * {@return a rule for every use of the tool}
     *
     * @param toolName the tool
     */
    public static PermissionRule tool(String toolName) {
        return new PermissionRule(toolName, Optional.empty());
    }

    /**
     * {@return a rule for the uses of the tool that match the pattern}
     *
     * @param toolName the tool
     * @param ruleContent the tool-specific pattern, e.g. {@code git log *} for {@code Bash}
     */
    public static PermissionRule of(String toolName, String ruleContent) {
        return new PermissionRule(toolName, Optional.of(ruleContent));
    }
}
