package dev.claudecode.store;

/**
 * A session a store holds, as {@link SessionStore#listSessions} names it.
 *
 * @param sessionId the session id
 * @param mtime when the store last saved an entry of the session's main transcript, in epoch
 *     milliseconds of the store's own clock
 */
public record StoredSession(String sessionId, long mtime) {

    /** Checks the session id. */
    public StoredSession {
        if (!SessionKey.isValidName(sessionId)) {
            throw new IllegalArgumentException("not a session id: " + sessionId);
        }
    }
}
