package dev.claudecode.spring;

import dev.claudecode.cli.CliLocation;
import dev.claudecode.cli.CliResolver;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.options.ClaudeCodeOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the application's Claude Code setup: whether the CLI its sessions would run is
 * there, and whether its version is in the range this library supports ({@link CliVersionRange}).
 * Up with the CLI's path and version; down when no CLI is found, when it does not tell its version,
 * or when the version is outside the supported range (sessions still start then, with a warning,
 * but what they do is untested). The version is asked at most once a minute. Contributes as
 * {@code claudeCode}.
 */
public class ClaudeCodeHealthIndicator extends AbstractHealthIndicator {

    private final ClaudeCodeOptions options;
    private final CliVersionProbe probe = new CliVersionProbe(Duration.ofSeconds(10), Duration.ofMinutes(1),
            Clock.systemUTC());

    /**
     * @param options the options of the application's sessions, for the CLI they name
     */
    public ClaudeCodeHealthIndicator(ClaudeCodeOptions options) {
        super("Claude Code health check failed");
        this.options = options;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String range = CliVersionRange.OLDEST + " to " + CliVersionRange.NEWEST;
        builder.withDetail("supportedVersions", range);
        Optional<Path> cli = options.cliPath().or(() -> CliResolver.defaults().find().map(CliLocation::path));
        if (cli.isEmpty()) {
            builder.down().withDetail("error", "no Claude Code CLI was found");
            return;
        }
        builder.withDetail("path", cli.get().toString());
        Optional<String> version = probe.version(cli.get());
        if (version.isEmpty()) {
            builder.down().withDetail("error", "the CLI did not tell its version");
            return;
        }
        boolean supported = CliVersionRange.contains(version.get());
        builder.withDetail("version", version.get()).withDetail("supported", supported);
        if (supported) {
            builder.up();
        } else {
            builder.down().withDetail("error", "CLI " + version.get() + " is outside the supported versions " + range);
        }
    }
}
