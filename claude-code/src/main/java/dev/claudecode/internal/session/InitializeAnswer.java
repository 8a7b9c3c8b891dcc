package dev.claudecode.internal.session;

import dev.claudecode.internal.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's answer to {@code initialize}, kept as compact JSON text for as long as the session
 * lives. The answer lists every command, agent and model (about 10 kB of JSON); as a Jackson tree
 * it took about 30 kB, most of what an idle session held on the heap.
 */
public final class InitializeAnswer {

    private final byte[] json;

    private InitializeAnswer(byte[] json) {
        this.json = json;
    }

    /**
     * Keeps an answer.
     *
     * @param response the {@code response} payload of the answer
     * @return the compact form
     */
    public static InitializeAnswer of(JsonNode response) {
        return new InitializeAnswer(Json.MAPPER.writeValueAsBytes(response));
    }

    /** @return the payload as a fresh tree, which the caller may change */
    public JsonNode tree() {
        return Json.parse(json, 0, json.length);
    }

    /** @return the size of the kept JSON in bytes */
    public int size() {
        return json.length;
    }
}
