package dev.claudecode.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * How values that may hold secrets are shown in {@code toString()}: maps by their keys with every
 * value masked, URLs without their user information and query, and the test that tells a variable
 * whose name says it holds a secret.
 */
public final class Masking {

    /** What stands for a value that is not shown. */
    public static final String MASK = "***";

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)API_?KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_?KEY|AUTHORIZATION|COOKIE|(^|_)AUTH(_|$)");

    private Masking() {
    }

    /**
     * Shows a map by its keys only.
     *
     * @param map the map, such as an environment or HTTP headers
     * @return {@code {NAME=***, OTHER=***}}, keys in the map's order
     */
    public static String keys(Map<String, ?> map) {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        map.keySet().forEach(key -> text.add(key + "=" + MASK));
        return text.toString();
    }

    /**
     * Shows a URL without the parts that carry credentials: the user information and the query.
     *
     * @param url the URL as given
     * @return {@code scheme://host:port/path}, with {@value #MASK} where user information or a
     *     query were; {@value #MASK} alone when the text is not a URL
     */
    public static String url(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return MASK;
            }
            StringBuilder text = new StringBuilder(uri.getScheme()).append("://");
            if (uri.getRawUserInfo() != null) {
                text.append(MASK).append('@');
            }
            text.append(uri.getHost() == null ? MASK : uri.getHost());
            if (uri.getPort() >= 0) {
                text.append(':').append(uri.getPort());
            }
            text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                text.append('?').append(MASK);
            }
            return text.toString();
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    /**
     * Tells whether a variable's name says that its value is a secret (an API key, a token, a
     * password, credentials, an authorization header).
     *
     * @param name the variable or header name
     * @return whether its value is treated as a secret
     */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }
}
