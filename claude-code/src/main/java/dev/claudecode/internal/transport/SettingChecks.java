package dev.claudecode.internal.transport;

import java.time.Duration;

/** The checks the transports' builders make of their settings, each failing with an {@link IllegalArgumentException}. */
public final class SettingChecks {

    /** The prefix of the labels a transport sets itself. */
    private static final String OWN_LABELS = "dev.claudecode.";

    private SettingChecks() {
    }

    /**
     * {@return the value, which must not be null or blank}
     *
     * @param value the setting
     * @param name its name, for the message
     */
    public static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * {@return the duration, which must be longer than zero}
     *
     * @param value the setting
     * @param name its name, for the message
     */
    public static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /**
     * {@return the path of a home directory, which must be absolute}
     *
     * @param path the setting
     */
    public static String absoluteHome(String path) {
        if (!requireText(path, "path").startsWith("/")) {
            throw new IllegalArgumentException("the home directory must be absolute: " + path);
        }
        return path;
    }

    /**
     * {@return the name of a label the user adds, which may not be one of the transport's own}
     *
     * @param name the label's name
     */
    public static String userLabel(String name) {
        if (requireText(name, "name").startsWith(OWN_LABELS)) {
            throw new IllegalArgumentException("labels under dev.claudecode. are the transport's own: " + name);
        }
        return name;
    }
}
