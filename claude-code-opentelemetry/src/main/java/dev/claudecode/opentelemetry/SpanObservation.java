package dev.claudecode.opentelemetry;

import dev.claudecode.observe.Observation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.util.function.BiConsumer;

/**
 * An {@link Observation} that is one span: opening it makes the span current (its scope closes on
 * the same thread), ending it records what the operation ended with and ends the span, failing it
 * records the exception and marks the span as an error.
 *
 * @param <R> what the operation ends with
 */
final class SpanObservation<R> implements Observation<R> {

    private final Span span;
    private final Context context;
    private final BiConsumer<Span, R> onEnd;

    SpanObservation(Span span, Context parent, BiConsumer<Span, R> onEnd) {
        this.span = span;
        this.context = parent.with(span);
        this.onEnd = onEnd;
    }

    /** @return the span */
    Span span() {
        return span;
    }

    /** @return the context whose current span is this one */
    Context context() {
        return context;
    }

    @Override
    public Observation.Scope open() {
        io.opentelemetry.context.Scope scope = context.makeCurrent();
        return scope::close;
    }

    @Override
    public void end(R result) {
        try {
            if (result != null) {
                onEnd.accept(span, result);
            }
        } finally {
            span.end();
        }
    }

    @Override
    public void fail(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        span.end();
    }
}
