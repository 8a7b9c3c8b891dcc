package dev.claudecode.permission;

import java.util.Arrays;
import java.util.Optional;

/** What a permission rule does with the tool uses it matches. */
public enum PermissionBehavior {
    /** Run without asking. */
    ALLOW("allow"),
    /** Refuse. */
    DENY("deny"),
    /** Ask every time. */
    ASK("ask");

    private final String wireValue;

    PermissionBehavior(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value on the wire, e.g. {@code allow}} */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Finds the behavior with a wire value.
     *
     * @param wireValue the value, e.g. {@code deny}
     * @return the behavior, or empty for a value this library does not know
     */
    public static Optional<PermissionBehavior> fromWire(String wireValue) {
        return Arrays.stream(values()).filter(behavior -> behavior.wireValue.equals(wireValue)).findFirst();
    }
}
