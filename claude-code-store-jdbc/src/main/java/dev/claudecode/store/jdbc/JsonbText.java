package dev.claudecode.store.jdbc;

/**
 * Decides whether an entry's JSON text can go into a {@code jsonb} column. PostgreSQL's
 * {@code jsonb} refuses two things JSON allows and transcripts can hold (a binary tool output,
 * text cut in the middle of a character): the escape {@code \u0000}, and UTF-16 surrogates that are
 * not part of a pair. Entries with either are kept as text instead, unchanged.
 */
final class JsonbText {

    private JsonbText() {
    }

    /**
     * Tells whether {@code jsonb} takes a text. Conservative: an escaped backslash followed by
     * {@code u0000} also counts as a refusal, which only sends that entry to the text column.
     *
     * @param json JSON text as {@link dev.claudecode.store.SessionStoreEntry#json()} gives it
     * @return false when the text has {@code \u0000} or an unpaired surrogate escape
     */
    static boolean fitsJsonb(String json) {
        int from = 0;
        while (true) {
            int at = json.indexOf("\\u", from);
            if (at < 0 || at + 6 > json.length()) {
                return true;
            }
            int code = hex(json, at + 2);
            if (code == 0) {
                return false;
            }
            if (code >= 0xD800 && code <= 0xDBFF) {
                int next = at + 6 + 6 <= json.length() && json.startsWith("\\u", at + 6) ? hex(json, at + 8) : -1;
                if (next < 0xDC00 || next > 0xDFFF) {
                    return false;
                }
                from = at + 12;
                continue;
            }
            if (code >= 0xDC00 && code <= 0xDFFF) {
                return false;
            }
            from = at + 2;
        }
    }

    private static int hex(String text, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
