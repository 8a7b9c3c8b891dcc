package dev.claudecode.message.stream;

import java.util.Objects;

/**
 * A piece of a tool call's input as JSON text ({@code input_json_delta}). The pieces are not valid
 * JSON on their own; concatenated, they are the tool's input object.
 *
 * @param partialJson the JSON text to append ({@code partial_json})
 */
public record InputJsonDelta(String partialJson) implements Delta {

    /** The wire type of this delta. */
    public static final String TYPE = "input_json_delta";

    /** Validates the component. */
    public InputJsonDelta {
        Objects.requireNonNull(partialJson, "partialJson");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
