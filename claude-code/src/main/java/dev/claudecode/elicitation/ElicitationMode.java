package dev.claudecode.elicitation;

import java.util.Locale;

/** What an MCP server asks the user for. */
public enum ElicitationMode {

    /** Values for a form, described by the request's JSON schema. */
    FORM,
    /** A visit to a web page, for example a sign-in the server must not see; nothing is typed back. */
    URL;

    /** {@return the mode as it is written on the wire: {@code form} or {@code url}} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire value; the CLI sends {@code url} for URL steps and treats everything else as a form.
     *
     * @param value the wire value, may be null
     * @return {@link #URL} for {@code url}, else {@link #FORM}
     */
    public static ElicitationMode of(String value) {
        return "url".equals(value) ? URL : FORM;
    }
}
