package dev.claudecode.micrometer;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.errors.ControlTimeoutException;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.observe.CallbackCall;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.observe.TurnOutcome;
import dev.claudecode.observe.TurnStart;
import dev.claudecode.store.SessionKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Micrometer metrics of Claude Code sessions: a {@link SessionObserver} to give sessions through
 * {@code ClaudeCodeOptions.Builder.observer(...)}. The package documentation lists the meters.
 *
 * <pre>{@code
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder()
 *         .observer(ClaudeCodeMetrics.create(meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe; one instance may serve every session of an application (the active-session
 * gauge counts them all).
 */
public final class ClaudeCodeMetrics implements SessionObserver {

    private final MeterRegistry registry;
    private final Tags commonTags;
    private final AtomicInteger activeSessions = new AtomicInteger();

    private ClaudeCodeMetrics(MeterRegistry registry, Tags commonTags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.commonTags = commonTags;
        Gauge.builder(MeterNames.SESSIONS_ACTIVE, activeSessions, AtomicInteger::get)
                .description("Claude Code sessions open now").tags(commonTags).register(registry);
    }

    /**
     * @param registry where the meters go
     * @return the observer
     */
    public static ClaudeCodeMetrics create(MeterRegistry registry) {
        return new ClaudeCodeMetrics(registry, Tags.empty());
    }

    /**
     * @param registry where the meters go
     * @param commonTags tags added to every meter, such as the application's tenant
     * @return the observer
     */
    public static ClaudeCodeMetrics create(MeterRegistry registry, Iterable<Tag> commonTags) {
        return new ClaudeCodeMetrics(registry, Tags.of(commonTags));
    }

    @Override
    public Observation<Void> session() {
        activeSessions.incrementAndGet();
        return new Observation<>() {
            @Override
            public void end(Void result) {
                activeSessions.decrementAndGet();
            }

            @Override
            public void fail(Throwable error) {
                activeSessions.decrementAndGet();
            }
        };
    }

    @Override
    public Observation<Void> cliLaunch(CliLaunch launch) {
        String reason = launch.reason().name().toLowerCase(Locale.ROOT);
        if (launch.reason() == CliLaunch.Reason.RESTART) {
            registry.counter(MeterNames.CLI_RESTARTS, commonTags).increment();
        }
        return timed(MeterNames.CLI_LAUNCHES, Tags.of("reason", reason), ignored -> Tags.of("outcome", "ok"),
                error -> Tags.of("outcome", "failed"), (ignored, tags) -> { });
    }

    @Override
    public Observation<TurnOutcome> turn(TurnStart turn) {
        return timed(MeterNames.TURNS, Tags.empty(), this::turnTags, error -> Tags.of("outcome", "failed", "model", "unknown"),
                this::turnEnded);
    }

    @Override
    public Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
        return timed(MeterNames.TOOL_CALLS, Tags.of("tool", toolUse.name()),
                result -> Tags.of("outcome", result.isError() ? "error" : "ok"), error -> Tags.of("outcome", "no_result"),
                (result, tags) -> { });
    }

    @Override
    public Observation<String> callback(CallbackCall call) {
        return timed(MeterNames.CALLBACKS, Tags.of("kind", call.kind().name().toLowerCase(Locale.ROOT)),
                outcome -> Tags.of("outcome", outcome), error -> Tags.of("outcome", "failed"), (outcome, tags) -> { });
    }

    @Override
    public Observation<Void> control(String subtype) {
        return timed(MeterNames.CONTROL_REQUESTS, Tags.of("subtype", subtype), ignored -> Tags.of("outcome", "ok"), error -> {
            if (error instanceof ControlTimeoutException) {
                registry.counter(MeterNames.CONTROL_TIMEOUTS, commonTags.and("subtype", subtype)).increment();
                return Tags.of("outcome", "timeout");
            }
            return Tags.of("outcome", "error");
        }, (ignored, tags) -> { });
    }

    @Override
    public Observation<Void> storeAppend(SessionKey key, int entries) {
        return timed(MeterNames.STORE_APPENDS, Tags.empty(), ignored -> Tags.of("outcome", "ok"), error -> {
            registry.counter(MeterNames.STORE_APPEND_FAILURES, commonTags).increment();
            return Tags.of("outcome", "failed");
        }, (ignored, tags) -> registry.counter(MeterNames.STORE_APPENDED_ENTRIES, commonTags).increment(entries));
    }

    private Tags turnTags(TurnOutcome outcome) {
        return Tags.of("outcome", outcome.result().isError() ? "error" : "success",
                "model", outcome.model().orElse("unknown"));
    }

    private void turnEnded(TurnOutcome outcome, Tags turnTags) {
        Tags model = commonTags.and("model", outcome.model().orElse("unknown"));
        ResultMessage result = outcome.result();
        registry.counter(MeterNames.COST, model).increment(outcome.costUsd());
        registry.counter(MeterNames.TOKENS, model.and("type", "input")).increment(result.usage().inputTokens());
        registry.counter(MeterNames.TOKENS, model.and("type", "output")).increment(result.usage().outputTokens());
        registry.counter(MeterNames.TOKENS, model.and("type", "cache_read")).increment(result.usage().cacheReadInputTokens());
        registry.counter(MeterNames.TOKENS, model.and("type", "cache_creation"))
                .increment(result.usage().cacheCreationInputTokens());
    }

    private <R> Observation<R> timed(String timer, Tags tags, Function<R, Tags> endTags, Function<Throwable, Tags> failTags,
            BiConsumer<R, Tags> onEnd) {
        return new TimedObservation<>(registry, timer, commonTags.and(tags), endTags, failTags, onEnd);
    }
}
