package dev.claudecode.opentelemetry;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The environment that turns on the CLI's own OpenTelemetry traces and sends them to an OTLP
 * endpoint, so that the CLI's spans ({@code claude_code.interaction}, {@code
 * claude_code.llm_request}, {@code claude_code.tool}, ...) appear in the trace of the session
 * under its {@code claude_code.cli.launch} span. Add it to the session's options:
 *
 * <pre>{@code
 * ClaudeCodeOptions options = ClaudeCodeOptions.builder()
 *         .observer(ClaudeCodeTracing.create(openTelemetry))
 *         .env(CliTelemetry.otlp(URI.create("http://collector:4318")).environment())
 *         .build();
 * }</pre>
 *
 * <p>What the CLI (2.1.332) supports, and what it does not:
 * <ul>
 *   <li>Traces are a beta of the CLI: {@code CLAUDE_CODE_ENABLE_TELEMETRY=1} and {@code
 *       CLAUDE_CODE_ENHANCED_TELEMETRY_BETA=1} with {@code OTEL_TRACES_EXPORTER=otlp}; the CLI
 *       exports them itself, over OTLP ({@code http/json}, {@code http/protobuf} or {@code grpc}).
 *       It cannot hand its spans to the JVM's OpenTelemetry SDK.</li>
 *   <li>The CLI takes its parent from {@code TRACEPARENT}/{@code TRACESTATE} once, at start,
 *       in its non-interactive mode: every turn's spans of one CLI process hang under the launch
 *       span of that process, not under the SDK's turn spans. A trace context per turn is not
 *       accepted on its input.</li>
 *   <li>Metrics and log events of the CLI stay off here ({@code OTEL_METRICS_EXPORTER=none},
 *       {@code OTEL_LOGS_EXPORTER=none}); set those variables yourself to export them too.</li>
 *   <li>{@code CLAUDE_CODE_PROPAGATE_TRACEPARENT=1} ({@link Builder#propagateToApi(boolean)})
 *       makes the CLI send a {@code traceparent} header with its API requests, for a gateway in
 *       front of the model API to join the trace.</li>
 * </ul>
 *
 * @param environment the variables to add to the CLI's environment
 */
public record CliTelemetry(Map<String, String> environment) {

    /** Copies the variables. */
    public CliTelemetry {
        environment = Map.copyOf(environment);
    }

    /**
     * The CLI's traces sent to an OTLP endpoint over {@code http/protobuf}, service name {@code
     * claude-code}.
     *
     * @param endpoint the collector's base address, such as {@code http://localhost:4318}
     * @return the settings
     */
    public static CliTelemetry otlp(URI endpoint) {
        return builder(endpoint).build();
    }

    /**
     * @param endpoint the collector's base address, such as {@code http://localhost:4318}
     * @return a builder
     */
    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** Configures {@link CliTelemetry}. */
    public static final class Builder {

        private final URI endpoint;
        private String protocol = "http/protobuf";
        private String serviceName = "claude-code";
        private boolean propagateToApi;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /**
         * @param protocol the OTLP protocol: {@code http/protobuf} (the default), {@code
         *     http/json} or {@code grpc}
         * @return this builder
         */
        public Builder protocol(String protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * @param serviceName the {@code service.name} of the CLI's spans; {@code claude-code} by default
         * @return this builder
         */
        public Builder serviceName(String serviceName) {
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
            return this;
        }

        /**
         * @param propagate whether the CLI sends a {@code traceparent} header with its model API
         *     requests; false by default
         * @return this builder
         */
        public Builder propagateToApi(boolean propagate) {
            this.propagateToApi = propagate;
            return this;
        }

        /** @return the settings */
        public CliTelemetry build() {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("CLAUDE_CODE_ENABLE_TELEMETRY", "1");
            variables.put("CLAUDE_CODE_ENHANCED_TELEMETRY_BETA", "1");
            variables.put("OTEL_TRACES_EXPORTER", "otlp");
            variables.put("OTEL_METRICS_EXPORTER", "none");
            variables.put("OTEL_LOGS_EXPORTER", "none");
            variables.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.toString());
            variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
            variables.put("OTEL_SERVICE_NAME", serviceName);
            if (propagateToApi) {
                variables.put("CLAUDE_CODE_PROPAGATE_TRACEPARENT", "1");
            }
            return new CliTelemetry(variables);
        }
    }
}
