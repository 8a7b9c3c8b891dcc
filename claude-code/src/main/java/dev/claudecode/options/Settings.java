package dev.claudecode.options;

import dev.claudecode.errors.InvalidOptionsException;
import dev.claudecode.internal.Masking;
import dev.claudecode.internal.json.Json;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Additional settings for one session ({@code --settings}): either a settings file the CLI reads
 * itself, or the settings as values. Values are what {@code ClaudeCodeOptions.sandbox} can be merged
 * into; a file cannot be combined with a sandbox, because the file is read by the CLI, possibly on
 * another machine.
 *
 * <p>Settings given as values never travel on the CLI's command line, where every user of the
 * machine could read them: they go in the {@code initialize} request on CLIs that read them there,
 * else in a private file. Values may carry secrets (an {@code env} token, for one): mark them with
 * {@link Values#withSecret(String...)} and the session masks them wherever it reports what the CLI
 * printed; {@code env} entries whose names say they hold a secret ({@code *_TOKEN}, {@code *_API_KEY},
 * ...) are masked without marking. {@code toString()} never shows a value.
 */
public sealed interface Settings permits Settings.File, Settings.Values {

    /**
     * {@return settings read from that file}
     *
     * @param path a settings JSON file, resolved by the CLI against its working directory
     */
    static Settings file(Path path) {
        return new File(path);
    }

    /**
     * {@return these settings}
     *
     * @param values the settings as plain JSON values (maps, lists, strings, numbers, booleans)
     */
    static Values of(Map<String, ?> values) {
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
     * @param secrets the keys whose values are secrets, each as its path of keys from the top
     *     ({@code [env, GITHUB_TOKEN]}); every text or number under such a key is masked in what
     *     the session reports
     */
    record Values(Map<String, Object> values, Set<List<String>> secrets) implements Settings {

        /**
         * Copies the values and checks that every secret names a key they hold.
         *
         * @param values the settings
         * @param secrets the paths of the secret keys
         * @throws InvalidOptionsException when the values are not JSON or a secret names no key
         */
        public Values {
            Objects.requireNonNull(values, "values");
            try {
                values = Json.copyObject(values);
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionsException("settings are not representable as JSON: " + e.getMessage(), e);
            }
            Set<List<String>> paths = new LinkedHashSet<>();
            for (List<String> path : Objects.requireNonNull(secrets, "secrets")) {
                List<String> copy = List.copyOf(path);
                if (copy.isEmpty() || !holds(values, copy)) {
                    throw new InvalidOptionsException("settings have no key " + String.join(".", copy) + " to mark secret");
                }
                paths.add(copy);
            }
            secrets = Collections.unmodifiableSet(paths);
        }

        /**
         * Settings without secrets marked.
         *
         * @param values the settings
         */
        public Values(Map<String, Object> values) {
            this(values, Set.of());
        }

        /**
         * Marks one key's value as a secret.
         *
         * @param path the key, as its path from the top, such as {@code "env", "GITHUB_TOKEN"}
         * @return these settings with that key marked
         * @throws InvalidOptionsException when the settings hold no such key
         */
        public Values withSecret(String... path) {
            Set<List<String>> marked = new LinkedHashSet<>(secrets);
            marked.add(Arrays.asList(path));
            return new Values(values, marked);
        }

        private static boolean holds(Map<String, Object> values, List<String> path) {
            Object current = values;
            for (String key : path) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    return false;
                }
                current = map.get(key);
            }
            return true;
        }

        /** {@return the top-level keys, every value masked} */
        @Override
        public String toString() {
            return "Settings.Values" + Masking.keys(values);
        }
    }
}
