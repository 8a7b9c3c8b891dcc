package dev.claudecode.internal.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes words for a POSIX shell, so that the shell passes each one through unchanged. */
public final class ShellQuote {

    /** Words made only of these need no quotes in any POSIX shell. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /**
     * Quotes one word. Single quotes keep everything literal except the single quote itself,
     * which is written as {@code '"'"'}: close, a double-quoted quote, reopen. No backslash is
     * used, so the result reads the same in shells that treat backslashes inside single quotes
     * specially.
     *
     * @param word any string without NUL
     * @return the word as shell source
     */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell word cannot contain NUL");
        }
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /**
     * Quotes several words and joins them with spaces.
     *
     * @param words the words
     * @return shell source for them
     */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
