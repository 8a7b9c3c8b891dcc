package dev.claudecode.internal.callback;

import dev.claudecode.internal.json.Json;
import dev.claudecode.observe.Observation;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.ToolPermissionRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code can_use_tool} requests with the session's {@link CanUseTool} callback. Whatever
 * happens to the callback, the CLI gets a well-formed answer: a failure or a missed deadline
 * becomes a deny that says so, which the model reads as the tool's error result.
 */
final class PermissionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionHandler.class);

    private final Optional<CanUseTool> callback;
    private final Duration timeout;
    private final Supplier<Optional<String>> sessionId;
    private final Supplier<Optional<String>> cwd;

    PermissionHandler(Optional<CanUseTool> callback, Duration timeout, Supplier<Optional<String>> sessionId,
            Supplier<Optional<String>> cwd) {
        this.callback = callback;
        this.timeout = timeout;
        this.sessionId = sessionId;
        this.cwd = cwd;
    }

    ObjectNode handle(JsonNode request) throws InterruptedException {
        return handle(request, Observation.none());
    }

    /**
     * Answers a prompt with the callback, which runs within {@code observation}; the observation
     * ends with {@code allow} or {@code deny}, or fails when the callback throws or times out.
     */
    ObjectNode handle(JsonNode request, Observation<String> observation) throws InterruptedException {
        CanUseTool canUseTool = callback.orElseThrow(() ->
                new IllegalStateException("this session has no canUseTool callback to answer permission prompts"));
        ToolPermissionRequest permission = decode(request, sessionId.get(), cwd.get());
        PermissionResult result;
        try {
            result = BoundedCall.run("claude-code-permission-" + permission.toolName(), timeout, new AtomicBoolean(),
                    observation, () -> canUseTool.decide(permission));
            if (result == null) {
                result = PermissionResult.deny("The permission callback gave no answer.");
            }
            observation.end(result instanceof PermissionResult.Allow ? "allow" : "deny");
        } catch (TimeoutException e) {
            observation.fail(e);
            LOG.warn("the canUseTool callback did not answer for {} within {}; the tool is denied",
                    permission.toolName(), timeout);
            result = PermissionResult.deny("The permission callback did not answer within " + timeout.toSeconds()
                    + " s, so the tool was denied.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            observation.fail(cause);
            LOG.warn("the canUseTool callback failed for {}; the tool is denied", permission.toolName(), cause);
            result = PermissionResult.deny("The permission callback failed: " + describe(cause));
        }
        return PermissionAnswers.canUseTool(result, permission.input());
    }

    /**
     * Reads a {@code can_use_tool} request.
     *
     * @param request the request object
     * @param sessionId the session's id, when known
     * @param cwd the session's working directory, when known
     * @return the typed request
     */
    static ToolPermissionRequest decode(JsonNode request, Optional<String> sessionId, Optional<String> cwd) {
        JsonNode reason = request.get("decision_reason");
        Optional<String> decisionReason = reason == null || reason.isNull() ? Optional.empty()
                : Optional.of(reason.isString() ? reason.stringValue() : Json.write(reason));
        return new ToolPermissionRequest(
                Json.text(request, "tool_name", ""),
                Json.toMap(request.get("input")),
                PermissionUpdates.decodeAll(request.get("permission_suggestions")),
                Json.text(request, "blocked_path"),
                decisionReason,
                Json.text(request, "decision_reason_type"),
                Json.text(request, "tool_use_id", ""),
                Json.text(request, "agent_id"),
                sessionId,
                cwd,
                Json.text(request, "display_name"),
                Json.text(request, "description"),
                Json.toMap(request));
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
