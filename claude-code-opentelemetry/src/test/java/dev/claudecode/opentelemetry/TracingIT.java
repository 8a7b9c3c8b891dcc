package dev.claudecode.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Traces of sessions with the real CLI and {@link FakeClaudeApi}, read from the OpenTelemetry
 * SDK's in-memory exporter: the span tree of a turn with a tool call and its callbacks under the
 * caller's span, errors on spans, and the CLI's own spans joining the trace.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class TracingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path cwd;

    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk openTelemetry;

    @BeforeEach
    void setUp() {
        exporter = InMemorySpanExporter.create();
        openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        openTelemetry.close();
    }

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .observer(ClaudeCodeTracing.create(openTelemetry));
    }

    @Test
    void aTurnWithAToolCallAndItsCallbacksIsOneTreeUnderTheCallersSpan(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch traced.txt && echo traced", "description", "Print")), Reply.text("Printed."));
        AtomicReference<SpanContext> inPermissionCallback = new AtomicReference<>();
        Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
        try (Scope scope = request.makeCurrent()) {
            ClaudeCodeOptions options = options(api)
                    .canUseTool(prompt -> {
                        inPermissionCallback.set(Span.current().getSpanContext());
                        return PermissionResult.allow();
                    })
                    .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> HookOutput.empty()))
                    .build();
            try (Session session = ClaudeCode.start(options)) {
                ResultMessage result = session.query("print something");
                assertThat(result.isError()).isFalse();
                session.control().setModel("sonnet");
            }
        } finally {
            request.end();
        }

        SpanData turn = await(span -> span.getName().equals("claude_code.turn"));
        SpanData launch = await(span -> span.getName().equals("claude_code.cli.launch"));
        SpanData tool = await(span -> span.getName().equals("claude_code.tool_use"));
        SpanData permission = await(span -> span.getName().equals("claude_code.callback")
                && "can_use_tool".equals(span.getAttributes().get(AttributeKey.stringKey("claude_code.callback.kind"))));
        SpanData hook = await(span -> span.getName().equals("claude_code.callback")
                && "hook".equals(span.getAttributes().get(AttributeKey.stringKey("claude_code.callback.kind"))));
        SpanData control = await(span -> span.getName().equals("claude_code.control"));

        String traceId = request.getSpanContext().getTraceId();
        assertThat(List.of(turn, launch, tool, permission, hook, control)).allSatisfy(span -> {
            assertThat(span.getTraceId()).isEqualTo(traceId);
            assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        });
        // the caller's span is the parent of what the caller started; the rest nests as it happened
        assertThat(launch.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(turn.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(control.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(tool.getParentSpanId()).isEqualTo(turn.getSpanId());
        assertThat(permission.getParentSpanId()).isEqualTo(tool.getSpanId());
        assertThat(hook.getParentSpanId()).isEqualTo(tool.getSpanId());
        // the callback's span is the current span while the application's code runs
        assertThat(inPermissionCallback.get().getSpanId()).isEqualTo(permission.getSpanId());

        assertThat(launch.getAttributes().get(AttributeKey.stringKey("claude_code.launch.reason"))).isEqualTo("start");
        assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("Bash");
        assertThat(tool.getAttributes().get(AttributeKey.booleanKey("claude_code.tool.is_error"))).isFalse();
        String toolUseId = tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.id"));
        assertThat(toolUseId).startsWith("toolu_");
        assertThat(permission.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.id"))).isEqualTo(toolUseId);
        assertThat(permission.getAttributes().get(AttributeKey.stringKey("claude_code.callback.name"))).isEqualTo("Bash");
        assertThat(permission.getAttributes().get(AttributeKey.stringKey("claude_code.callback.outcome"))).isEqualTo("allow");
        assertThat(hook.getAttributes().get(AttributeKey.stringKey("claude_code.callback.name"))).isEqualTo("PreToolUse");
        assertThat(control.getAttributes().get(AttributeKey.stringKey("claude_code.control.subtype"))).isEqualTo("set_model");

        assertThat(turn.getAttributes().get(AttributeKey.stringKey("claude_code.result.subtype"))).isEqualTo("success");
        assertThat(turn.getAttributes().get(AttributeKey.longKey("claude_code.turn.num_turns"))).isEqualTo(2L);
        assertThat(turn.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model"))).isNotBlank();
        assertThat(turn.getAttributes().get(AttributeKey.stringKey("gen_ai.conversation.id"))).isNotBlank();
        assertThat(turn.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isPositive();
        assertThat(turn.getAttributes().get(AttributeKey.doubleKey("claude_code.turn.cost_usd"))).isPositive();
        // the tool ran inside the turn, the callbacks inside the tool use
        assertThat(tool.getStartEpochNanos()).isBetween(turn.getStartEpochNanos(), turn.getEndEpochNanos());
        assertThat(permission.getEndEpochNanos()).isLessThanOrEqualTo(tool.getEndEpochNanos());
    }

    @Test
    void aFailingCallbackIsAnErrorOnItsSpanAndItsDeniedToolToo(FakeClaudeApi api) {
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "touch never.txt && echo never", "description", "Print")), Reply.text("Could not."));
        try (Session session = ClaudeCode.start(options(api)
                .canUseTool(prompt -> {
                    throw new IllegalStateException("policy service unreachable");
                })
                .build())) {
            session.query("print something");
        }

        SpanData permission = await(span -> span.getName().equals("claude_code.callback"));
        SpanData tool = await(span -> span.getName().equals("claude_code.tool_use"));
        assertThat(permission.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(permission.getStatus().getDescription()).isEqualTo("policy service unreachable");
        assertThat(permission.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        assertThat(permission.getParentSpanId()).isEqualTo(tool.getSpanId());
        assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(tool.getAttributes().get(AttributeKey.booleanKey("claude_code.tool.is_error"))).isTrue();
    }

    @Test
    void theClisOwnSpansJoinTheTraceUnderItsLaunch(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Hello."));
        try (OtlpJsonCollector collector = OtlpJsonCollector.start()) {
            Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
            try (Scope scope = request.makeCurrent();
                 Session session = ClaudeCode.start(options(api)
                         .env(CliTelemetry.builder(collector.endpoint()).protocol("http/json").build().environment())
                         .build())) {
                session.query("hello");
            } finally {
                request.end();
            }
            SpanData launch = await(span -> span.getName().equals("claude_code.cli.launch"));

            JsonNode interaction = awaitCliSpan(collector, "claude_code.interaction");
            assertThat(interaction.path("traceId").asString()).isEqualTo(request.getSpanContext().getTraceId());
            assertThat(interaction.path("parentSpanId").asString()).isEqualTo(launch.getSpanId());
        }
    }

    private SpanData await(Predicate<SpanData> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such span among " + exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList());
            }
            pause();
        }
    }

    private static JsonNode awaitCliSpan(OtlpJsonCollector collector, String name) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (String body : collector.traceBodies()) {
                for (JsonNode resource : Json.parse(body).path("resourceSpans")) {
                    for (JsonNode scope : resource.path("scopeSpans")) {
                        for (JsonNode span : scope.path("spans")) {
                            if (name.equals(span.path("name").asString())) {
                                return span;
                            }
                        }
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the CLI exported no " + name + " span; bodies: " + collector.traceBodies().size());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
