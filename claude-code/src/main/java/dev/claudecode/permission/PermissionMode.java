package dev.claudecode.permission;

import java.util.Objects;

/**
 * How the CLI decides whether a tool may run without asking. A value type rather than an enum so
 * that modes added by newer CLI versions can be used through {@link #of(String)} without a library
 * release; the constants are the modes this library knows by name.
 *
 * <p>The supported CLIs (2.1.197 to 2.1.332) accept {@code default}, {@code acceptEdits},
 * {@code auto}, {@code bypassPermissions}, {@code dontAsk} and {@code plan} on their command line
 * and refuse to start with any other value; 2.1.332 also refuses any other value in
 * {@code set_permission_mode} (2.1.197 accepted it). {@link #DELEGATE} is known from other CLI
 * versions and is not accepted by 2.1.197 at start-up.
 *
 * @param value the wire value, e.g. {@code acceptEdits}
 */
public record PermissionMode(String value) {

    /** Ask before anything potentially dangerous. */
    public static final PermissionMode DEFAULT = new PermissionMode("default");
    /** Accept file edits without asking. */
    public static final PermissionMode ACCEPT_EDITS = new PermissionMode("acceptEdits");
    /** Let a classifier decide what needs a prompt. */
    public static final PermissionMode AUTO = new PermissionMode("auto");
    /** Run every tool without asking; the CLI refuses this as root unless {@code IS_SANDBOX=1}. */
    public static final PermissionMode BYPASS_PERMISSIONS = new PermissionMode("bypassPermissions");
    /** Plan only: read-only tools until the plan is accepted. */
    public static final PermissionMode PLAN = new PermissionMode("plan");
    /** Never ask: whatever is not pre-approved is denied. */
    public static final PermissionMode DONT_ASK = new PermissionMode("dontAsk");
    /** Delegate-only mode of other CLI versions; CLI 2.1.197 rejects it on its command line. */
    public static final PermissionMode DELEGATE = new PermissionMode("delegate");

    /**
     * Validates the wire value.
     *
     * @param value the wire value, not blank
     */
    public PermissionMode {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a permission mode must not be blank");
        }
    }

    /**
     * Returns the mode with this wire value: one of the constants when it is known, otherwise a
     * new value passed through to the CLI unchanged.
     *
     * @param value the wire value, e.g. {@code plan}
     * @return the mode
     */
    public static PermissionMode of(String value) {
        for (PermissionMode known : new PermissionMode[] {
                DEFAULT, ACCEPT_EDITS, AUTO, BYPASS_PERMISSIONS, PLAN, DONT_ASK, DELEGATE}) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new PermissionMode(value);
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
