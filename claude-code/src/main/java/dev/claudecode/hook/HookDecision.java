package dev.claudecode.hook;

/** The {@code decision} of a hook's output. */
public enum HookDecision {
    /** Approve; kept for older hooks, prefer {@link PermissionDecision#ALLOW} for PreToolUse. */
    APPROVE("approve"),
    /**
     * Block: a Stop or SubagentStop hook makes the conversation go on with the hook's
     * {@code reason} as feedback; a PostToolUse hook shows the model its {@code reason}; a
     * UserPromptSubmit hook rejects the prompt.
     */
    BLOCK("block");

    private final String wireValue;

    HookDecision(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value on the wire} */
    public String wireValue() {
        return wireValue;
    }
}
