package dev.claudecode.options;

/**
 * Who answers the permission prompts of a session: the {@code --permission-prompts} flag,
 * introduced after CLI 2.1.197 (CLI 2.1.332 lists it in {@code --help}).
 */
public enum PermissionPrompts {

    /** This process answers, through {@code canUseTool} or {@code permissionPromptTool}: the CLI's default. */
    HOST("host"),
    /**
     * Nobody answers: permission modes, rules and hooks still decide, and whatever would prompt is
     * denied at once with a message telling the model the session has no approval surface.
     */
    NONE("none");

    private final String value;

    PermissionPrompts(String value) {
        this.value = value;
    }

    /** {@return the wire value, {@code host} or {@code none}} */
    public String value() {
        return value;
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
