package dev.claudecode.opentelemetry;

import dev.claudecode.ClaudeCode;
import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.observe.CallbackCall;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.observe.TurnOutcome;
import dev.claudecode.observe.TurnStart;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Traces Claude Code sessions with OpenTelemetry: a {@link SessionObserver} to give sessions
 * through {@code ClaudeCodeOptions.Builder.observer(...)}.
 *
 * <pre>{@code
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder()
 *         .observer(ClaudeCodeTracing.create(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <p>Spans (see the package documentation for their attributes):
 * <ul>
 *   <li>{@code claude_code.cli.launch}: a CLI process from its launch to its answer to the
 *       start-up handshake; the session's start, and each restart inside the turn that needed it;</li>
 *   <li>{@code claude_code.turn}: a turn from the moment it is asked for to its result, a child
 *       of the caller's current span;</li>
 *   <li>{@code claude_code.tool_use}: each tool use the CLI reports, a child of its turn, from the
 *       model's {@code tool_use} to the CLI's {@code tool_result};</li>
 *   <li>{@code claude_code.callback}: each permission, hook or in-process MCP tool callback, a
 *       child of the tool use it is about (else of the turn); it is the current span while the
 *       application's code runs, so spans that code starts nest under it;</li>
 *   <li>{@code claude_code.control}: each control request the session sends the CLI.</li>
 * </ul>
 * Failures are recorded on the span as exceptions with an error status. The CLI's own spans join
 * the trace when its telemetry is on: see {@link CliTelemetry}.
 *
 * <p>Thread-safe; one instance may serve every session of an application.
 */
public final class ClaudeCodeTracing implements SessionObserver {

    /** The instrumentation scope name of the spans. */
    public static final String INSTRUMENTATION_SCOPE = "dev.claudecode";

    private final Tracer tracer;
    private final boolean propagateToCli;

    private ClaudeCodeTracing(Builder builder) {
        this.tracer = builder.openTelemetry.tracerBuilder(INSTRUMENTATION_SCOPE)
                .setInstrumentationVersion(ClaudeCode.version()).build();
        this.propagateToCli = builder.propagateToCli;
    }

    /**
     * Creates tracing with the defaults: trace context passed to the CLI.
     *
     * @param openTelemetry where the spans go
     * @return the observer
     */
    public static ClaudeCodeTracing create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * @param openTelemetry where the spans go
     * @return a builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public Observation<Void> cliLaunch(CliLaunch launch) {
        return start(SpanAttributes.LAUNCH_SPAN, SpanKind.INTERNAL, span -> {
            span.setAttribute(SpanAttributes.LAUNCH_REASON, launch.reason().name().toLowerCase(Locale.ROOT));
            launch.resumedSessionId().ifPresent(id -> span.setAttribute(SpanAttributes.CONVERSATION_ID, id));
        }, (span, ignored) -> { });
    }

    /**
     * Passes the launch's span to the CLI as {@code TRACEPARENT}/{@code TRACESTATE}, unless
     * switched off with {@link Builder#propagateToCli(boolean)}.
     */
    @Override
    public Map<String, String> cliEnvironment(CliLaunch launch) {
        return propagateToCli ? CliTraceContext.environment(Context.current()) : Map.of();
    }

    @Override
    public Observation<TurnOutcome> turn(TurnStart turn) {
        return start(SpanAttributes.TURN_SPAN, SpanKind.INTERNAL, span -> {
            span.setAttribute(SpanAttributes.OPERATION, "invoke_agent");
            span.setAttribute(SpanAttributes.PROVIDER, "anthropic");
            turn.sessionId().ifPresent(id -> span.setAttribute(SpanAttributes.CONVERSATION_ID, id));
        }, SpanAttributes::turnEnded);
    }

    @Override
    public Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
        return start(SpanAttributes.TOOL_SPAN, SpanKind.INTERNAL, span -> {
            span.setAttribute(SpanAttributes.OPERATION, "execute_tool");
            span.setAttribute(SpanAttributes.TOOL_NAME, toolUse.name());
            span.setAttribute(SpanAttributes.TOOL_CALL_ID, toolUse.id());
        }, SpanAttributes::toolEnded);
    }

    @Override
    public Observation<String> callback(CallbackCall call) {
        return start(SpanAttributes.CALLBACK_SPAN, SpanKind.INTERNAL, span -> {
            span.setAttribute(SpanAttributes.CALLBACK_KIND, call.kind().name().toLowerCase(Locale.ROOT));
            span.setAttribute(SpanAttributes.CALLBACK_NAME, call.name());
            call.toolUseId().ifPresent(id -> span.setAttribute(SpanAttributes.TOOL_CALL_ID, id));
        }, (span, outcome) -> span.setAttribute(SpanAttributes.CALLBACK_OUTCOME, outcome));
    }

    @Override
    public Observation<Void> control(String subtype) {
        return start(SpanAttributes.CONTROL_SPAN, SpanKind.CLIENT,
                span -> span.setAttribute(SpanAttributes.CONTROL_SUBTYPE, subtype), (span, ignored) -> { });
    }

    private <R> Observation<R> start(String name, SpanKind kind, java.util.function.Consumer<SpanBuilder> attributes,
            BiConsumer<Span, R> onEnd) {
        Context parent = Context.current();
        SpanBuilder builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind);
        attributes.accept(builder);
        return new SpanObservation<>(builder.startSpan(), parent, onEnd);
    }

    /** Configures {@link ClaudeCodeTracing}. */
    public static final class Builder {

        private final OpenTelemetry openTelemetry;
        private boolean propagateToCli = true;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * @param propagate whether each CLI gets its launch span as {@code TRACEPARENT} and
         *     {@code TRACESTATE}, so that the CLI's own spans (when its telemetry is on) join the
         *     trace; true by default
         * @return this builder
         */
        public Builder propagateToCli(boolean propagate) {
            this.propagateToCli = propagate;
            return this;
        }

        /** @return the observer */
        public ClaudeCodeTracing build() {
            return new ClaudeCodeTracing(this);
        }
    }
}
