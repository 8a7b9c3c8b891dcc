package dev.claudecode.errors;


/**
 * A session id was rejected before touching the file system: it is not a UUID, so it could name
 * a path outside the project directory ({@code ../..}, separators, NUL) or a file that is not a
 * session transcript.
 */
public class InvalidSessionIdException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /** The rejected id, as given. */
    private final String sessionId;

    /**
     * Creates the exception.
     *
     * @param sessionId the rejected id (may contain anything, so it is quoted with escapes in the message)
     */
    public InvalidSessionIdException(String sessionId) {
        super("not a session id (a UUID is expected): " + quote(sessionId));
        this.sessionId = sessionId;
    }

    /** {@return the rejected id, as given} */
    public String sessionId() {
        return sessionId;
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append(value.length() > 200 ? "…\"" : "\"").toString();
    }
}
