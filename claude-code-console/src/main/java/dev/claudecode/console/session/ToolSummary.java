package dev.claudecode.console.session;

import java.util.Map;

/** Shortens a tool call to what a person needs to recognise it, such as {@code Bash(rm -rf build)}. */
public final class ToolSummary {

    private static final int MAX = 60;
    private static final String[] TELLING_KEYS = {"command", "file_path", "path", "pattern", "url", "description", "prompt"};

    private ToolSummary() {
    }

    /**
     * The telling part of a tool's input: its command, path, pattern or URL, else the whole input, shortened.
     *
     * @param input the tool's input
     * @return the summary
     */
    public static String of(Map<String, Object> input) {
        for (String key : TELLING_KEYS) {
            if (input.get(key) instanceof String value) {
                return shorten(value);
            }
        }
        return shorten(input.toString());
    }

    /**
     * A tool call as one phrase, such as {@code Bash(ls -la)}.
     *
     * @param toolName the tool's name
     * @param input the tool's input
     * @return the phrase
     */
    public static String call(String toolName, Map<String, Object> input) {
        return toolName + "(" + of(input) + ")";
    }

    /**
     * Cuts a text to one line of at most {@code max} characters.
     *
     * @param text the text
     * @param max the most characters kept
     * @return the line, with an ellipsis when cut
     */
    public static String oneLine(String text, int max) {
        String line = text.strip().replace('\n', ' ').replace('\r', ' ');
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    private static String shorten(String value) {
        return oneLine(value, MAX);
    }
}
