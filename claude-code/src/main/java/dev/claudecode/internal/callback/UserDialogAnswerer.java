package dev.claudecode.internal.callback;

import dev.claudecode.elicitation.UserDialogHandler;
import dev.claudecode.elicitation.UserDialogRequest;
import dev.claudecode.elicitation.UserDialogResult;
import dev.claudecode.internal.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers {@code request_user_dialog} requests with the session's {@link UserDialogHandler}:
 * {@code {"behavior":"completed","result":...}} or {@code {"behavior":"cancelled"}}, after which
 * the CLI applies the dialog's default. A handler that fails, gives no answer or misses its
 * deadline cancels. The CLI sends only the kinds the session declared
 * ({@code supportedDialogKinds}); a kind that was not declared is answered with an error, the
 * answer the protocol prescribes for it (a {@code cancelled} would count as the user's choice),
 * which the CLI discards. When the CLI withdraws a dialog the handler is interrupted and nothing
 * is answered.
 */
final class UserDialogAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(UserDialogAnswerer.class);

    private final Optional<UserDialogHandler> handler;
    private final List<String> kinds;
    private final Duration timeout;

    UserDialogAnswerer(Optional<UserDialogHandler> handler, List<String> kinds, Duration timeout) {
        this.handler = handler;
        this.kinds = kinds;
        this.timeout = timeout;
    }

    ObjectNode handle(JsonNode request) throws InterruptedException {
        UserDialogRequest dialog = decode(request);
        if (handler.isEmpty() || !kinds.contains(dialog.dialogKind())) {
            throw new IllegalStateException("dialog kind '" + dialog.dialogKind()
                    + "' was not declared in supportedDialogKinds " + kinds + " of this session");
        }
        UserDialogResult result;
        try {
            result = BoundedCall.run("claude-code-dialog-" + dialog.dialogKind(), timeout, new AtomicBoolean(),
                    () -> handler.get().answer(dialog));
            if (result == null) {
                result = UserDialogResult.cancelled();
            }
        } catch (TimeoutException e) {
            LOG.warn("the onUserDialog handler did not answer a {} dialog within {}; cancelled", dialog.dialogKind(), timeout);
            result = UserDialogResult.cancelled();
        } catch (ExecutionException e) {
            LOG.warn("the onUserDialog handler failed on a {} dialog; cancelled", dialog.dialogKind(), e.getCause());
            result = UserDialogResult.cancelled();
        }
        return encode(result);
    }

    /**
     * Reads a {@code request_user_dialog} request.
     *
     * @param request {@code {"subtype":"request_user_dialog","dialog_kind","payload":{...},"tool_use_id"?}}
     * @return the typed request
     */
    static UserDialogRequest decode(JsonNode request) {
        return new UserDialogRequest(Json.text(request, "dialog_kind", ""), Json.toMap(request.get("payload")),
                Json.text(request, "tool_use_id"), Json.toMap(request));
    }

    /**
     * Writes an answer.
     *
     * @param result the answer
     * @return {@code {"behavior":"completed","result":...}} or {@code {"behavior":"cancelled"}}
     */
    static ObjectNode encode(UserDialogResult result) {
        ObjectNode json = Json.object();
        switch (result) {
            case UserDialogResult.Completed completed -> {
                json.put("behavior", "completed");
                json.set("result", Json.toNode(completed.result()));
            }
            case UserDialogResult.Cancelled cancelled -> json.put("behavior", "cancelled");
        }
        return json;
    }
}
