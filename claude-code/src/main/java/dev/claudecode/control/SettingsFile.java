package dev.claudecode.control;

/**
 * A settings file {@link SessionControl#updateSettings} writes through the CLI's own writer
 * ({@code source} of {@code update_settings}). Each file takes an allow-list of keys only.
 */
public enum SettingsFile {

    /** The project's local settings file ({@code localSettings}); takes {@code outputStyle}. */
    LOCAL("localSettings"),
    /**
     * The user's settings file ({@code userSettings}); takes {@code effortLevel}, saved as the
     * default for the session's current model (the running session's level is not changed).
     */
    USER("userSettings");

    private final String value;

    SettingsFile(String value) {
        this.value = value;
    }

    /** {@return the wire value} */
    public String value() {
        return value;
    }
}
