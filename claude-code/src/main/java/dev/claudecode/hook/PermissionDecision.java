package dev.claudecode.hook;

/** What a PreToolUse hook decides about the tool use ({@code permissionDecision}). */
public enum PermissionDecision {
    /** Run the tool without asking. */
    ALLOW("allow"),
    /** Refuse the tool; the model sees the reason as the tool's error result. */
    DENY("deny"),
    /** Ask: the CLI sends a permission prompt (to the session's {@code CanUseTool} callback). */
    ASK("ask"),
    /** Leave the decision to the CLI's normal rules. */
    DEFER("defer");

    private final String wireValue;

    PermissionDecision(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value on the wire} */
    public String wireValue() {
        return wireValue;
    }
}
