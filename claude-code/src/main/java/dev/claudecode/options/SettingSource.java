package dev.claudecode.options;

import java.util.List;
import java.util.Objects;

/**
 * A settings file layer the CLI may load ({@code --setting-sources}). A value type so that layers
 * added by newer CLI versions can be named through {@link #of(String)}.
 *
 * @param value the wire value, e.g. {@code project}
 */
public record SettingSource(String value) {

    /** The user's own settings ({@code ~/.claude/settings.json} or under {@code CLAUDE_CONFIG_DIR}). */
    public static final SettingSource USER = new SettingSource("user");
    /** The project's shared settings ({@code .claude/settings.json} in the working directory). */
    public static final SettingSource PROJECT = new SettingSource("project");
    /** The project's local settings ({@code .claude/settings.local.json}). */
    public static final SettingSource LOCAL = new SettingSource("local");

    private static final List<SettingSource> KNOWN = List.of(USER, PROJECT, LOCAL);

    /**
     * Validates the wire value.
     *
     * @param value the wire value: not blank, no comma (the CLI splits the list on commas)
     */
    public SettingSource {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.contains(",")) {
            throw new IllegalArgumentException("a setting source must be a non-blank name without commas: '" + value + "'");
        }
    }

    /**
     * Returns the source with this wire value, a constant when it is known.
     *
     * @param value the wire value
     * @return the source
     */
    public static SettingSource of(String value) {
        for (SettingSource known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new SettingSource(value);
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
