package dev.claudecode.internal.protocol;

import dev.claudecode.content.ContentBlock;
import dev.claudecode.content.TextBlock;
import dev.claudecode.internal.json.Json;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes what the user says in a turn as the {@code user} line the CLI reads on its standard input. */
public final class UserLines {

    private UserLines() {
    }

    /**
     * Encodes a turn's input. A single text block is sent as a plain string, as the CLI's own
     * clients do; anything else as an array of content blocks.
     *
     * @param content what the user says, at least one block
     * @param uuid the uuid the CLI should give the message, if chosen
     * @param verbatim whether the CLI takes the text as written ({@code client_composed})
     * @return {@code {"type":"user","message":{"role":"user","content":…},"parent_tool_use_id":null,"session_id":"","uuid"?,"client_composed"?}}
     */
    public static ObjectNode of(List<ContentBlock> content, Optional<String> uuid, boolean verbatim) {
        ObjectNode message = Json.object();
        message.put("role", "user");
        if (content.size() == 1 && content.get(0) instanceof TextBlock text) {
            message.put("content", text.text());
        } else {
            ArrayNode blocks = message.putArray("content");
            content.forEach(block -> blocks.add(ContentEncoder.encode(block)));
        }
        ObjectNode line = Json.object();
        line.put("type", "user");
        line.set("message", message);
        line.putNull("parent_tool_use_id");
        line.put("session_id", "");
        uuid.ifPresent(id -> line.put("uuid", id));
        if (verbatim) {
            line.put("client_composed", true);
        }
        return line;
    }
}
