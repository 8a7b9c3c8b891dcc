package dev.claudecode.errors;

/** No transcript with the requested session id exists in the searched project directories. */
public class SessionNotFoundException extends HistoryException {

    private static final long serialVersionUID = 1L;

    /** The id that was looked up. */
    private final String sessionId;

    /**
     * Creates the exception.
     *
     * @param sessionId the id that was looked up
     * @param message where it was looked for
     */
    public SessionNotFoundException(String sessionId, String message) {
        super(message);
        this.sessionId = sessionId;
    }

    /** {@return the id that was looked up} */
    public String sessionId() {
        return sessionId;
    }
}
