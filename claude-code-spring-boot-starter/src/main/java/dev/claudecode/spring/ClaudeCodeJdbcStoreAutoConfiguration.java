package dev.claudecode.spring;

import dev.claudecode.store.SessionStore;
import dev.claudecode.store.jdbc.JdbcSessionStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link JdbcSessionStore} in the application's {@link DataSource} (PostgreSQL), when
 * {@code claude-code-store-jdbc} is on the classpath and the application has no {@link
 * SessionStore} of its own; {@code claude-code.session-store.jdbc-enabled=false} turns it off.
 * The store creates its tables on first use.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({JdbcSessionStore.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "claude-code.session-store", name = "jdbc-enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClaudeCodeProperties.class)
public class ClaudeCodeJdbcStoreAutoConfiguration {

    /** Creates the auto-configuration. */
    public ClaudeCodeJdbcStoreAutoConfiguration() {
    }

    /**
     * @param dataSource the application's database
     * @param properties the {@code claude-code.*} properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean(SessionStore.class)
    public JdbcSessionStore claudeCodeSessionStore(DataSource dataSource, ClaudeCodeProperties properties) {
        return JdbcSessionStore.builder(dataSource).tablePrefix(properties.getSessionStore().getTablePrefix()).build();
    }
}
