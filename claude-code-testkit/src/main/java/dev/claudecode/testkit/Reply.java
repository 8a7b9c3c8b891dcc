package dev.claudecode.testkit;

import java.util.Map;
import java.util.function.Function;

/**
 * One scripted answer of {@link FakeClaudeApi} to one Messages API request: a model message
 * ({@link MessageReply}), an HTTP error ({@link ErrorReply}), or an answer computed from the request
 * ({@link DynamicReply}).
 *
 * <pre>{@code
 * api.enqueue(
 *     Reply.toolUse("Bash", Map.of("command", "echo hi")),
 *     Reply.from(request -> Reply.text("The tool said " + request.toolResults().getLast().text())));
 * }</pre>
 */
public sealed interface Reply permits MessageReply, ErrorReply, DynamicReply {

    /**
     * A message with one text block that ends the turn.
     *
     * @param text the text the model "writes"
     * @return the reply
     */
    static MessageReply text(String text) {
        return MessageReply.builder().text(text).build();
    }

    /**
     * A message with one thinking block (and its signature), and nothing else.
     *
     * @param thinking the thinking text
     * @return the reply
     */
    static MessageReply thinking(String thinking) {
        return MessageReply.builder().thinking(thinking).build();
    }

    /**
     * A message with one {@code tool_use} block whose id is assigned when it is served
     * ({@code toolu_fake_N}); the stop reason is {@code tool_use}.
     *
     * @param name the tool name, e.g. {@code Bash}
     * @param input the tool input, plain JSON values
     * @return the reply
     */
    static MessageReply toolUse(String name, Map<String, ?> input) {
        return MessageReply.builder().toolUse(name, input).build();
    }

    /**
     * A builder for a message with several blocks, a stop reason, usage numbers, delays and
     * chunking.
     *
     * @return a new builder
     */
    static MessageReply.Builder builder() {
        return MessageReply.builder();
    }

    /**
     * An HTTP error with the API's usual error type and message for this status (400
     * {@code invalid_request_error}, 401 {@code authentication_error}, 429 {@code rate_limit_error},
     * 500 {@code api_error}, 529 {@code overloaded_error}, ...).
     *
     * @param status the HTTP status, 400 to 599
     * @return the reply
     */
    static ErrorReply error(int status) {
        return ErrorReply.of(status);
    }

    /**
     * An HTTP error with an explicit error type and message.
     *
     * @param status the HTTP status, 400 to 599
     * @param type the error type, e.g. {@code overloaded_error}
     * @param message the error message
     * @return the reply
     */
    static ErrorReply error(int status, String type, String message) {
        return new ErrorReply(status, type, message, Map.of());
    }

    /**
     * An answer computed from the request when it is served, e.g. according to the
     * {@code tool_result} it carries. The function may return another dynamic reply.
     *
     * @param function computes the reply; it runs on the server's request thread
     * @return the reply
     */
    static DynamicReply from(Function<? super RecordedRequest, ? extends Reply> function) {
        return new DynamicReply(function);
    }
}
