package dev.claudecode.opentelemetry;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.observe.TurnOutcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * The span names and attributes of the traces: the OpenTelemetry GenAI conventions where one
 * fits ({@code gen_ai.*}), {@code claude_code.*} for the rest.
 */
final class SpanAttributes {

    static final String LAUNCH_SPAN = "claude_code.cli.launch";
    static final String TURN_SPAN = "claude_code.turn";
    static final String TOOL_SPAN = "claude_code.tool_use";
    static final String CALLBACK_SPAN = "claude_code.callback";
    static final String CONTROL_SPAN = "claude_code.control";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> CACHE_READ_TOKENS = AttributeKey.longKey("claude_code.usage.cache_read_input_tokens");
    static final AttributeKey<Long> CACHE_CREATION_TOKENS = AttributeKey.longKey("claude_code.usage.cache_creation_input_tokens");
    static final AttributeKey<Long> NUM_TURNS = AttributeKey.longKey("claude_code.turn.num_turns");
    static final AttributeKey<Double> COST = AttributeKey.doubleKey("claude_code.turn.cost_usd");
    static final AttributeKey<Double> SESSION_COST = AttributeKey.doubleKey("claude_code.session.cost_usd");
    static final AttributeKey<String> SUBTYPE = AttributeKey.stringKey("claude_code.result.subtype");
    static final AttributeKey<Boolean> IS_ERROR = AttributeKey.booleanKey("claude_code.result.is_error");
    static final AttributeKey<Long> API_DURATION = AttributeKey.longKey("claude_code.turn.duration_api_ms");
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    static final AttributeKey<Boolean> TOOL_IS_ERROR = AttributeKey.booleanKey("claude_code.tool.is_error");
    static final AttributeKey<String> LAUNCH_REASON = AttributeKey.stringKey("claude_code.launch.reason");
    static final AttributeKey<String> CALLBACK_KIND = AttributeKey.stringKey("claude_code.callback.kind");
    static final AttributeKey<String> CALLBACK_NAME = AttributeKey.stringKey("claude_code.callback.name");
    static final AttributeKey<String> CALLBACK_OUTCOME = AttributeKey.stringKey("claude_code.callback.outcome");
    static final AttributeKey<String> CONTROL_SUBTYPE = AttributeKey.stringKey("claude_code.control.subtype");

    private SpanAttributes() {
    }

    /** Records a turn's outcome on its span; a turn whose result is an error marks the span as one. */
    static void turnEnded(Span span, TurnOutcome outcome) {
        ResultMessage result = outcome.result();
        outcome.model().ifPresent(model -> span.setAttribute(MODEL, model));
        result.sessionId().filter(id -> !id.isEmpty()).ifPresent(id -> span.setAttribute(CONVERSATION_ID, id));
        span.setAttribute(NUM_TURNS, (long) result.numTurns());
        span.setAttribute(COST, outcome.costUsd());
        span.setAttribute(SESSION_COST, result.totalCostUsd());
        span.setAttribute(INPUT_TOKENS, result.usage().inputTokens());
        span.setAttribute(OUTPUT_TOKENS, result.usage().outputTokens());
        span.setAttribute(CACHE_READ_TOKENS, result.usage().cacheReadInputTokens());
        span.setAttribute(CACHE_CREATION_TOKENS, result.usage().cacheCreationInputTokens());
        span.setAttribute(SUBTYPE, result.subtype());
        span.setAttribute(IS_ERROR, result.isError());
        span.setAttribute(API_DURATION, result.durationApiMs());
        if (result.isError()) {
            span.setStatus(StatusCode.ERROR, result.errors().isEmpty() ? result.subtype() : String.join("; ", result.errors()));
        }
    }

    /** Records a tool's result on its span; an error result marks the span as an error. */
    static void toolEnded(Span span, ToolResultBlock result) {
        span.setAttribute(TOOL_IS_ERROR, result.isError());
        if (result.isError()) {
            span.setStatus(StatusCode.ERROR, "the tool's result is an error");
        }
    }
}
