package dev.claudecode.console.session;

import java.util.Locale;

/** A person's answer to a tool use that asks for permission. */
public enum ToolDecision {
    /** Allow this one use. */
    ALLOW,
    /** Allow this use and every later use of the same tool in this session. */
    ALLOW_ALWAYS,
    /** Refuse the use. */
    DENY;

    /** @return whether the tool may run */
    public boolean allows() {
        return this != DENY;
    }

    /** @return the decision's name as the web console sends it: {@code allow}, {@code always} or {@code deny} */
    public String wireName() {
        return switch (this) {
            case ALLOW -> "allow";
            case ALLOW_ALWAYS -> "always";
            case DENY -> "deny";
        };
    }

    /**
     * Reads an answer typed at a prompt or sent by the page: {@code y}, {@code yes} and {@code allow}
     * allow once; {@code a} and {@code always} allow always; anything else, an empty answer too, denies.
     *
     * @param answer what the person answered
     * @return the decision
     */
    public static ToolDecision parse(String answer) {
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "allow" -> ALLOW;
            case "a", "always", "allow_always" -> ALLOW_ALWAYS;
            default -> DENY;
        };
    }
}
