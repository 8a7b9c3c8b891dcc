package dev.claudecode.bench;

import dev.claudecode.internal.json.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What the raw drivers need to know of one line the CLI wrote: its top-level {@code type} and, for
 * a {@code control_response}, the {@code request_id} and {@code subtype} of its {@code response}.
 * Read with Jackson's streaming parser, which builds no tree and skips every other value, so that
 * the order of the fields does not matter (CLI 2.1.332 writes a result's {@code type} after a
 * dozen other fields) and the floor stays close to the cost of reading the bytes.
 *
 * @param type the top-level {@code type}, or empty
 * @param requestId the {@code response.request_id} of a control response, or empty
 * @param subtype the {@code response.subtype} of a control response, or empty
 */
record WireLine(String type, String requestId, String subtype) {

    /**
     * Reads a line.
     *
     * @param line one NDJSON line
     * @return its type, and for a control response its request id and subtype
     * @throws IllegalStateException when the line is not a JSON object
     */
    static WireLine parse(String line) {
        String type = "";
        String requestId = "";
        String subtype = "";
        try (JsonParser parser = Json.MAPPER.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a JSON object: " + preview(line));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                    if (!type.equals("control_response")) {
                        break; // nothing else is needed of any other line
                    }
                } else if (name.equals("response") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String inner = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        if (inner.equals("request_id") && innerValue == JsonToken.VALUE_STRING) {
                            requestId = parser.getString();
                        } else if (inner.equals("subtype") && innerValue == JsonToken.VALUE_STRING) {
                            subtype = parser.getString();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("not a JSON object: " + preview(line), e);
        }
        return new WireLine(type, requestId, subtype);
    }

    /** {@return true for a control response} */
    boolean isControlResponse() {
        return type.equals("control_response");
    }

    private static String preview(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
