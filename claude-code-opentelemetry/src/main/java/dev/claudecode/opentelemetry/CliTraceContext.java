package dev.claudecode.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The trace context handed to a CLI process as {@code TRACEPARENT} and {@code TRACESTATE}: the
 * W3C trace-context headers, upper-cased into environment variables. A CLI with its tracing on
 * makes them the parent of its {@code claude_code.interaction} spans. The CLI reads them once, at
 * start, so they carry the span that was current when the CLI was launched.
 */
final class CliTraceContext {

    private CliTraceContext() {
    }

    /**
     * @param context the context whose span the CLI's spans should follow
     * @return the variables; empty when the context holds no valid span
     */
    static Map<String, String> environment(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, headers, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key.toUpperCase(Locale.ROOT), value);
            }
        });
        return headers;
    }
}
