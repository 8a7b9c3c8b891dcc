package dev.claudecode.internal.session;

import dev.claudecode.errors.ProtocolException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hides secrets (the API key, auth tokens, passwords) from what a connection reports: stderr lines,
 * the stderr tail of failures, and previews of malformed stdout lines. A CLI, or a wrapper script
 * around it, may print its environment; what the library logs or passes on must not carry it.
 * A secret is the value of a variable whose name says so and that is long enough to be one.
 */
final class SecretRedactor {

    static final String MASK = "***";

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)API_?KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_?KEY|AUTHORIZATION|(^|_)AUTH(_|$)");
    private static final int MIN_SECRET_LENGTH = 8;

    /** The secrets of this JVM's environment, which every CLI may inherit; found once, as it never changes. */
    private static final class Inherited {
        static final List<String> SECRETS = secrets(System.getenv()).toList();
    }

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Collects the secrets a launched CLI may see: those of the variables set for it and those of
     * this JVM's environment.
     *
     * @param launchEnvironment the variables set for the CLI
     * @return the redactor
     */
    static SecretRedactor forLaunch(Map<String, String> launchEnvironment) {
        return new SecretRedactor(longestFirst(Stream.concat(secrets(launchEnvironment), Inherited.SECRETS.stream())));
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

    private static Stream<String> secrets(Map<String, String> environment) {
        return environment.entrySet().stream()
                .filter(variable -> SECRET_NAME.matcher(variable.getKey()).find())
                .map(Map.Entry::getValue)
                .filter(value -> value != null && value.strip().length() >= MIN_SECRET_LENGTH)
                .map(String::strip);
    }

    // longest first, so that a secret containing another is hidden whole
    private static List<String> longestFirst(Stream<String> secrets) {
        return secrets.distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
