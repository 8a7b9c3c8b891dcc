package dev.claudecode.spring;

import dev.claudecode.micrometer.ClaudeCodeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The metrics of {@code claude-code-micrometer} in the application's {@link MeterRegistry}, when
 * both are present. The {@link ClaudeCodeMetrics} bean is a session observer, so every session of
 * {@link ClaudeCodeSessions} reports to it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({ClaudeCodeMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class ClaudeCodeMetricsAutoConfiguration {

    /** Creates the auto-configuration. */
    public ClaudeCodeMetricsAutoConfiguration() {
    }

    /**
     * @param registry the application's registry
     * @return the metrics observer
     */
    @Bean
    @ConditionalOnMissingBean
    public ClaudeCodeMetrics claudeCodeMetrics(MeterRegistry registry) {
        return ClaudeCodeMetrics.create(registry);
    }
}
