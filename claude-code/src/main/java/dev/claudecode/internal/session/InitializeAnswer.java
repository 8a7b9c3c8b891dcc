package dev.claudecode.internal.session;

import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.control.ServerInfoDecoder;
import dev.claudecode.internal.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's answer to {@code initialize}, kept as compact JSON bytes for as long as its CLI runs
 * and decoded when asked for. The answer lists every command, agent and model (about 10 kB of
 * JSON); as a Jackson tree, or decoded into a {@link ServerInfo}, it took about three times that,
 * most of what an idle session held on the heap, while it is read rarely if ever.
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

    /** @return the payload decoded, anew at each call */
    public ServerInfo serverInfo() {
        return ServerInfoDecoder.decode(tree());
    }

    /** @return the size of the kept JSON in bytes */
    public int size() {
        return json.length;
    }
}
