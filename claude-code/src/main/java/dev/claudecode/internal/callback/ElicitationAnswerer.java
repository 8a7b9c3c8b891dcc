package dev.claudecode.internal.callback;

import dev.claudecode.elicitation.ElicitationHandler;
import dev.claudecode.elicitation.ElicitationMode;
import dev.claudecode.elicitation.ElicitationRequest;
import dev.claudecode.elicitation.ElicitationResult;
import dev.claudecode.internal.json.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code elicitation} requests (an MCP server's {@code elicitation/create}, relayed by the
 * CLI) with the session's {@link ElicitationHandler}. The answer is the MCP {@code ElicitResult}:
 * {@code {"action":"accept","content":{...}}}, {@code {"action":"decline"}} or
 * {@code {"action":"cancel"}}. Without a handler the answer is a decline, as the official SDKs
 * give it; a handler that fails or misses its deadline cancels, which is also what the CLI makes of
 * a failed answer. When the CLI withdraws the request the handler is interrupted and nothing is
 * answered.
 */
final class ElicitationAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(ElicitationAnswerer.class);

    private final Optional<ElicitationHandler> handler;
    private final Duration timeout;

    ElicitationAnswerer(Optional<ElicitationHandler> handler, Duration timeout) {
        this.handler = handler;
        this.timeout = timeout;
    }

    ObjectNode handle(JsonNode request) throws InterruptedException {
        ElicitationRequest elicitation = decode(request);
        if (handler.isEmpty()) {
            LOG.info("MCP server {} asked for input ({}) and the session has no onElicitation handler; declined",
                    elicitation.serverName(), elicitation.mode().value());
            return encode(ElicitationResult.decline(), elicitation.mode());
        }
        ElicitationResult result;
        try {
            result = BoundedCall.run("claude-code-elicitation-" + elicitation.serverName(), timeout, new AtomicBoolean(),
                    () -> handler.get().answer(elicitation));
            if (result == null) {
                result = ElicitationResult.decline();
            }
        } catch (TimeoutException e) {
            LOG.warn("the onElicitation handler did not answer MCP server {} within {}; cancelled",
                    elicitation.serverName(), timeout);
            result = ElicitationResult.cancel();
        } catch (ExecutionException e) {
            LOG.warn("the onElicitation handler failed for MCP server {}; cancelled", elicitation.serverName(), e.getCause());
            result = ElicitationResult.cancel();
        }
        return encode(result, elicitation.mode());
    }

    /**
     * Reads an {@code elicitation} request.
     *
     * @param request {@code {"subtype":"elicitation","mcp_server_name","message","mode"?,"url"?,
     *     "elicitation_id"?,"requested_schema"?,"property_order"?,"title"?,"display_name"?,"description"?}}
     * @return the typed request
     */
    static ElicitationRequest decode(JsonNode request) {
        return new ElicitationRequest(
                Json.text(request, "mcp_server_name", ""),
                Json.text(request, "message", ""),
                ElicitationMode.of(Json.text(request, "mode", "form")),
                Json.text(request, "url"),
                Json.text(request, "elicitation_id"),
                Json.toMap(request.get("requested_schema")),
                Json.strings(request.get("property_order")),
                Json.text(request, "title"),
                Json.text(request, "display_name"),
                Json.text(request, "description"),
                Json.toMap(request));
    }

    /**
     * Writes an answer. An accept carries {@code content} for a form, even an empty one, and for a
     * URL step only when the handler gave values.
     *
     * @param result the answer
     * @param mode the request's mode
     * @return the {@code ElicitResult}
     */
    static ObjectNode encode(ElicitationResult result, ElicitationMode mode) {
        ObjectNode json = Json.object();
        json.put("action", result.action());
        if (result instanceof ElicitationResult.Accept accept
                && (mode == ElicitationMode.FORM || !accept.content().isEmpty())) {
            json.set("content", Json.toNode(accept.content()));
        }
        return json;
    }
}
