package dev.claudecode.message.stream;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * A citation added to the current text block ({@code citations_delta}).
 *
 * @param citation the citation as plain JSON; its shape depends on the cited source
 */
public record CitationsDelta(Map<String, Object> citation) implements Delta {

    /** The wire type of this delta. */
    public static final String TYPE = "citations_delta";

    /** Copies the component. */
    public CitationsDelta {
        citation = JsonValues.copyMap(Objects.requireNonNull(citation, "citation"));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
