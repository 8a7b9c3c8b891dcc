package dev.claudecode.console.terminal;

/**
 * Makes text from the model, tools, the CLI or stored sessions safe to print on a terminal: every
 * control character is shown escaped instead of acting on the terminal, so that no escape sequence
 * in an answer or a tool's output can write the clipboard (OSC 52), erase or rewrite lines (CSI
 * sequences, a bare carriage return), retitle the window, or hide text behind bidirectional
 * overrides. Line feeds and tabs stay; a carriage return before a line feed is dropped. The
 * console's own styling (the spinner, line erasing) is printed around this text, never through it.
 *
 * <p>Shown as: {@code \r} for a bare carriage return, {@code \xHH} for the other C0 controls and
 * DEL (ESC is {@code \x1b}), {@code \u009b} for C1 controls, and {@code \u202e} for bidirectional
 * formatting characters.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Escapes the control characters of a text.
     *
     * @param text text that did not come from the console itself
     * @return the text with every control character visibly escaped
     */
    public static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                safe.append(c);
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    safe.append("\\r");
                }
            } else if (c < 0x20 || c == 0x7f) {
                safe.append(String.format("\\x%02x", (int) c));
            } else {
                safe.append(String.format("\\u%04x", (int) c));
            }
        }
        return safe.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                // bidirectional embeddings, overrides and isolates ("Trojan Source")
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
