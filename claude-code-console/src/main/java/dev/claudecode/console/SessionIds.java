package dev.claudecode.console;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Finds the stored session that a unique start of its id names, as {@code show} accepts it. */
final class SessionIds {

    private static final Pattern FULL = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f-]{1,35}");
    private static final int LISTED = 5;

    private SessionIds() {
    }

    /**
     * The session id that a full id or the start of one names.
     *
     * @param given what the person typed
     * @param storedIds the ids of the stored sessions, asked for only when {@code given} is not a full id
     * @return the full id
     * @throws IllegalArgumentException when it is no id, or no stored id or more than one starts with it
     */
    static String resolve(String given, Supplier<List<String>> storedIds) {
        String id = given.strip().toLowerCase(Locale.ROOT);
        if (FULL.matcher(id).matches()) {
            return id;
        }
        if (!PREFIX.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + given + "\" is not a session id, nor the start of one");
        }
        List<String> matches = storedIds.get().stream().filter(stored -> stored.startsWith(id)).distinct().sorted().toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no stored session id starts with " + id + "; `sessions` lists them");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(id + " is the start of " + matches.size() + " session ids: "
                    + String.join(", ", matches.subList(0, Math.min(LISTED, matches.size()))) + (matches.size() > LISTED ? ", …" : "")
                    + "; give more of the id");
        }
        return matches.getFirst();
    }
}
