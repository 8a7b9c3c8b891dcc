package dev.claudecode.permission;

import java.util.Arrays;
import java.util.Optional;

/** Where the CLI stores a permission change. */
public enum PermissionDestination {
    /** The user's settings, for every project. */
    USER_SETTINGS("userSettings"),
    /** The project's shared settings. */
    PROJECT_SETTINGS("projectSettings"),
    /** The project's local, uncommitted settings. */
    LOCAL_SETTINGS("localSettings"),
    /** This session only; nothing is written. */
    SESSION("session"),
    /** As if it had been given on the command line; nothing is written. */
    CLI_ARG("cliArg");

    private final String wireValue;

    PermissionDestination(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value on the wire, e.g. {@code localSettings}} */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Finds the destination with a wire value.
     *
     * @param wireValue the value, e.g. {@code session}
     * @return the destination, or empty for a value this library does not know
     */
    public static Optional<PermissionDestination> fromWire(String wireValue) {
        return Arrays.stream(values()).filter(destination -> destination.wireValue.equals(wireValue)).findFirst();
    }
}
