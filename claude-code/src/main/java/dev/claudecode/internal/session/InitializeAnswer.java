package dev.claudecode.internal.session;

import dev.claudecode.control.ServerInfo;
import dev.claudecode.internal.control.ServerInfoDecoder;
import dev.claudecode.internal.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's answer to {@code initialize}, kept as compact JSON bytes for as long as its CLI runs
 * and decoded when asked for. The answer lists every command, agent and model (about 10 kB of
 * JSON); as a Jackson tree, or decoded into a {@link ServerInfo}, it took about three times that,
 * most of what an idle session held on the heap, while it is read rarely if ever. Equal answers
 * in a row (many sessions of one CLI) share one array.
 */
public final class InitializeAnswer {

    /**
     * The last answer kept: sessions of one CLI with the same options get the same answer, and
     * share its bytes instead of holding a copy each (the array is never written after it is made).
     */
    private static final java.util.concurrent.atomic.AtomicReference<byte[]> LAST = new java.util.concurrent.atomic.AtomicReference<>();

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
        byte[] json = Json.MAPPER.writeValueAsBytes(response);
        byte[] last = LAST.get();
        if (last != null && java.util.Arrays.equals(last, json)) {
            return new InitializeAnswer(last);
        }
        LAST.set(json);
        return new InitializeAnswer(json);
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
