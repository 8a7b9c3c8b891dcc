package dev.claudecode.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key/value pairs of one {@code .npmrc} file, with {@code ${VAR}} references replaced from the
 * environment the way npm does (tokens are usually kept out of the file like that).
 *
 * @param values the settings in file order; a later duplicate wins
 */
public record Npmrc(Map<String, String> values) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([^}?]+)(\\?)?}");

    /** An {@code .npmrc} with no settings. */
    public static final Npmrc EMPTY = new Npmrc(Map.of());

    /**
     * Reads a file; a missing or unreadable file has no settings.
     *
     * @param file the {@code .npmrc}
     * @param environment the variables {@code ${VAR}} refers to
     * @return its settings
     */
    public static Npmrc read(Path file, Map<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), environment);
        } catch (IOException e) {
            return EMPTY;
        }
    }

    /**
     * Parses the text of an {@code .npmrc}.
     *
     * @param text the file's content
     * @param environment the variables {@code ${VAR}} refers to
     * @return its settings
     */
    public static Npmrc parse(String text, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = expand(line.substring(0, equals).strip(), environment);
            values.put(key, expand(unquote(line.substring(equals + 1).strip()), environment));
        }
        return new Npmrc(Collections.unmodifiableMap(values));
    }

    /**
     * Reads one setting.
     *
     * @param key e.g. {@code registry}
     * @return its value, when set and not blank
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String expand(String value, Map<String, String> environment) {
        Matcher matcher = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = environment.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
