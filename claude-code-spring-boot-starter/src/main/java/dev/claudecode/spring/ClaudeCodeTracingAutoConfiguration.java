package dev.claudecode.spring;

import dev.claudecode.opentelemetry.ClaudeCodeTracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The traces of {@code claude-code-opentelemetry} through the application's {@link OpenTelemetry},
 * when both are present. The {@link ClaudeCodeTracing} bean is a session observer, so every
 * session of {@link ClaudeCodeSessions} reports to it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({ClaudeCodeTracing.class, OpenTelemetry.class})
@ConditionalOnBean(OpenTelemetry.class)
@EnableConfigurationProperties(ClaudeCodeProperties.class)
public class ClaudeCodeTracingAutoConfiguration {

    /** Creates the auto-configuration. */
    public ClaudeCodeTracingAutoConfiguration() {
    }

    /**
     * @param openTelemetry the application's OpenTelemetry
     * @param properties the {@code claude-code.*} properties
     * @return the tracing observer
     */
    @Bean
    @ConditionalOnMissingBean
    public ClaudeCodeTracing claudeCodeTracing(OpenTelemetry openTelemetry, ClaudeCodeProperties properties) {
        return ClaudeCodeTracing.builder(openTelemetry).propagateToCli(properties.getTracing().isPropagateToCli()).build();
    }
}
