package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.internal.json.Json;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Additional settings for one session ({@code --settings}): either a settings file the CLI reads
 * itself, or the settings as values. Values are what {@code ClaudeCodeOptions.sandbox} can be merged
 * into; a file cannot be combined with a sandbox, because the file is read by the CLI, possibly on
 * another machine.
 */
public sealed interface Settings permits Settings.File, Settings.Values {

    /**
     * @param path a settings JSON file, resolved by the CLI against its working directory
     * @return settings read from that file
     */
    static Settings file(Path path) {
        return new File(path);
    }

    /**
     * @param values the settings as plain JSON values (maps, lists, strings, numbers, booleans)
     * @return these settings
     */
    static Settings of(Map<String, ?> values) {
        return new Values(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * Parses settings from JSON text.
     *
     * @param json a JSON object
     * @return the settings
     * @throws InvalidOptionsException when the text is not a JSON object
     */
    static Settings parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (JacksonException e) {
            throw new InvalidOptionsException("settings is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidOptionsException("settings JSON must be an object");
        }
        return new Values(Json.toMap(node));
    }

    /**
     * A settings file.
     *
     * @param path the file
     */
    record File(Path path) implements Settings {

        /**
         * Validates the path.
         *
         * @param path the file
         */
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Settings given as values.
     *
     * @param values the settings, a deep unmodifiable insertion-ordered copy
     */
    record Values(Map<String, Object> values) implements Settings {

        /**
         * Copies the values.
         *
         * @param values the settings
         */
        public Values {
            Objects.requireNonNull(values, "values");
            try {
                values = Json.copyObject(values);
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionsException("settings are not representable as JSON: " + e.getMessage(), e);
            }
        }
    }
}
