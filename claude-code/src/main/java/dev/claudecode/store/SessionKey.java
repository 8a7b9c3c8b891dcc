package dev.claudecode.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Names one transcript in a {@link SessionStore}: a session's main transcript, or one of its
 * subagent transcripts.
 *
 * <p>The three parts become path names when a stored session is written back to disk for the CLI
 * to resume, so each is checked here: a project key and a session id are single, non-empty path
 * names (no {@code /}, {@code \}, NUL or other control character, not {@code .} or {@code ..}); a
 * subpath is one or more such names joined by {@code /}.
 *
 * @param projectKey the scope the session belongs to; by default the CLI's name for the working
 *     directory ({@code /home/me/app} becomes {@code -home-me-app}), or a tenant or project name of
 *     the caller's choosing
 * @param sessionId the session id (a UUID for every session the CLI makes)
 * @param subpath empty for the main transcript; for a subagent transcript its path under the
 *     session's directory without {@code .jsonl}, such as {@code subagents/agent-a1b2c3}
 */
public record SessionKey(String projectKey, String sessionId, Optional<String> subpath) {

    /** The longest project key or session id accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    /** The longest subpath accepted. */
    public static final int MAX_SUBPATH_LENGTH = 1024;

    /** Checks every part. */
    public SessionKey {
        checkName(projectKey, "projectKey");
        checkName(sessionId, "sessionId");
        Objects.requireNonNull(subpath, "subpath");
        subpath.ifPresent(SessionKey::checkSubpath);
    }

    /**
     * The key of a session's main transcript.
     *
     * @param projectKey the project key
     * @param sessionId the session id
     * @return the key
     * @throws IllegalArgumentException when a part is not a valid name
     */
    public static SessionKey of(String projectKey, String sessionId) {
        return new SessionKey(projectKey, sessionId, Optional.empty());
    }

    /**
     * The key of one of a session's subagent transcripts.
     *
     * @param projectKey the project key
     * @param sessionId the session id
     * @param subpath the transcript's path under the session, such as {@code subagents/agent-1}
     * @return the key
     * @throws IllegalArgumentException when a part is not valid
     */
    public static SessionKey of(String projectKey, String sessionId, String subpath) {
        return new SessionKey(projectKey, sessionId, Optional.of(subpath));
    }

    /**
     * The key of another transcript of the same session.
     *
     * @param subpath the subagent transcript's path
     * @return the key
     */
    public SessionKey withSubpath(String subpath) {
        return of(projectKey, sessionId, subpath);
    }

    /** {@return the key of this session's main transcript} */
    public SessionKey main() {
        return isMain() ? this : of(projectKey, sessionId);
    }

    /** {@return whether this is a session's main transcript (it has no subpath)} */
    public boolean isMain() {
        return subpath.isEmpty();
    }

    /**
     * Tells whether a string may be a project key or a session id.
     *
     * @param name the candidate, may be null
     * @return whether it is a single non-empty path name of at most {@value #MAX_NAME_LENGTH} characters
     */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!isValidName(name)) {
            throw new IllegalArgumentException(what + " must be a single path name of 1 to " + MAX_NAME_LENGTH
                    + " characters without '/', '\\' or control characters, and not '.' or '..': " + printable(name));
        }
    }

    private static void checkSubpath(String subpath) {
        boolean valid = !subpath.isEmpty() && subpath.length() <= MAX_SUBPATH_LENGTH;
        if (valid) {
            for (String part : subpath.split("/", -1)) {
                valid &= isValidName(part);
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("subpath must be path names joined by '/' (at most "
                    + MAX_SUBPATH_LENGTH + " characters), none empty, '.' or '..': " + printable(subpath));
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        StringBuilder out = new StringBuilder("\"");
        shown.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /** {@return {@code projectKey/sessionId} and {@code /subpath} for a subagent transcript} */
    @Override
    public String toString() {
        return projectKey + "/" + sessionId + subpath.map(s -> "/" + s).orElse("");
    }
}
