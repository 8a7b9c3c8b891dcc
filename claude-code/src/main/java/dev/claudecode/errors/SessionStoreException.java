package dev.claudecode.errors;

/**
 * A {@link dev.claudecode.store.SessionStore} failed: its database could not be reached, refused
 * a write, or gave back something that is not a transcript. Stores wrap their driver's exceptions in this one.
 */
public class SessionStoreException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public SessionStoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the driver's exception
     */
    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
