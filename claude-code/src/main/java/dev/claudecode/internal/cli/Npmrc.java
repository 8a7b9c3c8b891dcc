package dev.claudecode.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key/value pairs of one {@code .npmrc} file. A {@code ${VAR}} reference is replaced from the
 * environment only in the value of a credential setting ({@code _authToken}, {@code _auth},
 * {@code _password}, {@code username}, whether scoped to a {@code //host/} or not), which is how
 * tokens are kept out of the file; anywhere else (a registry URL, a key) it stays as written, so a
 * file cannot smuggle a secret into a URL or choose the host a secret goes to by a variable. The
 * model API's own credentials ({@link #MODEL_CREDENTIALS}) are never expanded: an {@code .npmrc}
 * that names one gets an empty value, and the registry never sees it.
 *
 * @param values the settings in file order; a later duplicate wins
 */
public record Npmrc(Map<String, String> values) {

    /** Variables that hold the model API's credentials: never sent to an npm registry. */
    public static final Set<String> MODEL_CREDENTIALS = Set.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN",
            "CLAUDE_CODE_OAUTH_TOKEN");

    private static final Logger LOG = LoggerFactory.getLogger(Npmrc.class);
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([^}?]+)(\\?)?}");
    private static final List<String> CREDENTIALS = List.of("_authToken", "_auth", "_password", "username");

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
            String key = line.substring(0, equals).strip();
            String value = unquote(line.substring(equals + 1).strip());
            values.put(key, isCredential(key) ? expand(key, value, environment) : value);
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

    /**
     * Whether a setting holds a credential: {@code _authToken} and the like, plain or scoped as
     * {@code //host/path/:_authToken}.
     *
     * @param key the setting's name
     * @return whether its value may name environment variables
     */
    static boolean isCredential(String key) {
        int colon = key.lastIndexOf(':');
        String name = colon >= 0 ? key.substring(colon + 1) : key;
        return CREDENTIALS.contains(name) && (colon < 0 || key.startsWith("//"));
    }

    private static String expand(String key, String value, Map<String, String> environment) {
        Matcher matcher = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            if (MODEL_CREDENTIALS.contains(variable.toUpperCase(Locale.ROOT))) {
                LOG.warn("An .npmrc sets {} from ${{}}, the model API's credential; the setting is dropped and no "
                        + "registry receives it", key, variable);
                return "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(environment.getOrDefault(variable, "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
