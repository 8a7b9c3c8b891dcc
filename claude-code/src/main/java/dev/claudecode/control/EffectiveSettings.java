package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a session runs with: the answer to {@link SessionControl#effectiveSettings()}.
 *
 * @param effective the merged settings of every source ({@code effective})
 * @param sources each source's own settings, lowest priority first; later ones override earlier ones
 * @param applied what the CLI actually uses after environment overrides and runtime changes, e.g.
 *     {@code model} and {@code effort}; empty when not reported
 * @param raw the whole answer as plain JSON
 */
public record EffectiveSettings(
        Map<String, Object> effective,
        List<Source> sources,
        Map<String, Object> applied,
        Map<String, Object> raw) {

    /** Copies the components. */
    public EffectiveSettings {
        effective = JsonValues.copyMap(Objects.requireNonNull(effective, "effective"));
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        applied = JsonValues.copyMap(Objects.requireNonNull(applied, "applied"));
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * One place settings come from.
     *
     * @param source e.g. {@code userSettings}, {@code projectSettings} or {@code flagSettings}
     *     (those of {@link SessionControl#applyFlagSettings(Map)} and {@link dev.claudecode.options.ClaudeCodeOptions#settings()})
     * @param settings what it sets
     */
    public record Source(String source, Map<String, Object> settings) {

        /** Validates and copies the components. */
        public Source {
            Objects.requireNonNull(source, "source");
            settings = JsonValues.copyMap(Objects.requireNonNull(settings, "settings"));
        }
    }
}
