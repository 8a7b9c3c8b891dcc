package dev.claudecode.spring;

import dev.claudecode.options.ClaudeCodeOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code claudeCode} health indicator ({@link ClaudeCodeHealthIndicator}), when Spring Boot's
 * health support is present; {@code management.health.claudecode.enabled=false} turns it off.
 */
@AutoConfiguration(after = ClaudeCodeAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("claudecode")
public class ClaudeCodeHealthAutoConfiguration {

    /** Creates the auto-configuration. */
    public ClaudeCodeHealthAutoConfiguration() {
    }

    /**
     * @param options the options of the application's sessions
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "claudeCodeHealthIndicator")
    public ClaudeCodeHealthIndicator claudeCodeHealthIndicator(ClaudeCodeOptions options) {
        return new ClaudeCodeHealthIndicator(options);
    }
}
