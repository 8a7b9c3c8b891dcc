package dev.claudecode.internal.history;

import dev.claudecode.errors.InvalidSessionIdException;
import java.util.regex.Pattern;

/**
 * Session ids as the CLI makes them: UUIDs. Anything else is refused before it becomes part of a
 * path, which rules out traversal ({@code ..}), separators, NUL and other surprises at once.
 */
public final class SessionIds {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The file name suffix of a session transcript. */
    public static final String TRANSCRIPT_SUFFIX = ".jsonl";

    private SessionIds() {
    }

    /**
     * Tells whether a string is a session id.
     *
     * @param id the candidate, may be null
     * @return whether it is a UUID
     */
    public static boolean isValid(String id) {
        return id != null && UUID.matcher(id).matches();
    }

    /**
     * Returns the id when it is valid.
     *
     * @param id the candidate
     * @return the id
     * @throws InvalidSessionIdException when it is not a UUID
     */
    public static String validate(String id) {
        if (!isValid(id)) {
            throw new InvalidSessionIdException(id);
        }
        return id;
    }

    /**
     * Shows an id that was refused without letting it shape a log line: control characters
     * escaped, at most 200 characters.
     *
     * @param id the refused id, may be null
     * @return a quoted, printable form of it
     */
    public static String printable(String id) {
        if (id == null) {
            return "null";
        }
        String shown = id.length() > 200 ? id.substring(0, 200) + "…" : id;
        StringBuilder out = new StringBuilder("\"");
        shown.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /**
     * The session id a transcript file name stands for.
     *
     * @param fileName a file name
     * @return the id, or null when the name is not {@code <uuid>.jsonl}
     */
    public static String fromFileName(String fileName) {
        if (!fileName.endsWith(TRANSCRIPT_SUFFIX)) {
            return null;
        }
        String id = fileName.substring(0, fileName.length() - TRANSCRIPT_SUFFIX.length());
        return isValid(id) ? id : null;
    }
}
