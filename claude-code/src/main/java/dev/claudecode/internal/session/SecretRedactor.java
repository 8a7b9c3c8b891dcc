package dev.claudecode.internal.session;

import dev.claudecode.errors.ProtocolException;
import dev.claudecode.internal.Masking;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hides secrets from what a connection reports: stderr lines, the stderr tail of failures, and
 * previews of malformed stdout lines. A CLI, an MCP server it starts, or a wrapper script around it
 * may print its environment or its input; what the library logs or passes on must not carry it.
 *
 * <p>Secrets are the values the session itself handed over as secrets (the API key, every
 * {@code env} and {@code headers} value of an MCP server, settings values marked secret: see
 * {@code LaunchSecrets}), and the values of variables whose names say so, of the launch and of
 * this JVM's environment. Each is masked as written and as it appears inside a JSON string.
 * Values shorter than {@value #MIN_SECRET_LENGTH} characters are not masked: they are too common
 * ({@code 1}, {@code true}) to tell apart from ordinary text.
 */
final class SecretRedactor {

    static final String MASK = Masking.MASK;

    static final int MIN_SECRET_LENGTH = 8;

    /** The secrets of this JVM's environment, which every CLI may inherit; found once, as it never changes. */
    private static final class Inherited {
        static final List<String> SECRETS = secrets(System.getenv()).toList();
    }

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Collects the secrets a launched CLI may see: those of the variables set for it, those of
     * this JVM's environment, and the values the session passed as secrets.
     *
     * @param launchEnvironment the variables set for the CLI
     * @param passed the values the session handed to the CLI as secrets
     * @return the redactor
     */
    static SecretRedactor forLaunch(Map<String, String> launchEnvironment, Collection<String> passed) {
        return new SecretRedactor(longestFirst(Stream.of(secrets(launchEnvironment), Inherited.SECRETS.stream(), passed.stream())
                .flatMap(s -> s)));
    }

    /**
     * Collects the secrets of the environments a CLI may see.
     *
     * @param environments the variables set for the CLI, and those it may inherit
     * @return the redactor
     */
    @SafeVarargs
    static SecretRedactor of(Map<String, String>... environments) {
        return new SecretRedactor(longestFirst(Stream.of(environments).flatMap(SecretRedactor::secrets)));
    }

    /**
     * @param more further values to mask
     * @return a redactor that masks these secrets and the further ones
     */
    SecretRedactor plus(Collection<String> more) {
        return new SecretRedactor(longestFirst(Stream.concat(secrets.stream(), more.stream())));
    }

    private static Stream<String> secrets(Map<String, String> environment) {
        return environment.entrySet().stream()
                .filter(variable -> Masking.isSecretName(variable.getKey()))
                .map(Map.Entry::getValue);
    }

    // long enough, each also as a JSON string shows it, longest first so that a secret containing
    // another is hidden whole
    private static List<String> longestFirst(Stream<String> secrets) {
        return secrets.filter(value -> value != null && value.strip().length() >= MIN_SECRET_LENGTH)
                .map(String::strip)
                .flatMap(value -> Stream.of(value, jsonEscaped(value)))
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String jsonEscaped(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** @return the text with every secret replaced by {@value #MASK} */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * @return the error itself when neither it nor its causes mention a secret, else a copy whose
     *     message is redacted and which drops the causes (their messages quote the line)
     */
    ProtocolException redact(ProtocolException error) {
        boolean leaks = false;
        for (Throwable t = error; t != null && !leaks; t = t.getCause()) {
            String message = t.getMessage();
            leaks = message != null && !redact(message).equals(message);
        }
        if (!leaks) {
            return error;
        }
        ProtocolException redacted = new ProtocolException(redact(error.getMessage()));
        redacted.setStackTrace(error.getStackTrace());
        return redacted;
    }
}
