package dev.claudecode.console;

import dev.claudecode.ClaudeCode;
import dev.claudecode.cli.CliInstaller;
import dev.claudecode.cli.CliVersionRange;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code install-cli}: installs a Claude Code CLI (by default the pinned one) into the managed cache. */
@Command(name = "install-cli", mixinStandardHelpOptions = true,
        description = "Install the Claude Code CLI this library is built for (or another version), verified, into a per-user cache.")
final class InstallCliCommand implements Callable<Integer> {

    @Option(names = "--cache-dir", description = "Where to install (default: ~/.cache/claude-code-java/cli).")
    Path cacheDir;

    @Option(names = "--cli-version", paramLabel = "VERSION",
            description = "The CLI version to install (default: the pinned one; supported: " + CliVersionRange.OLDEST
                    + " to " + CliVersionRange.NEWEST + ").")
    String cliVersion;

    @Option(names = "--registry", paramLabel = "URL",
            description = "The npm registry (default: npm_config_registry, else ~/.npmrc, else npm's, else registry.npmjs.org).")
    URI registry;

    @Option(names = "--project-npmrc",
            description = "Also trust the .npmrc of the current directory to choose the registry and tokens.")
    boolean projectNpmrc;

    @Option(names = "--allow-http-registry", description = "Allow a plain http registry (a trusted local mirror only).")
    boolean allowHttpRegistry;

    @Override
    public Integer call() {
        CliInstaller.Builder installer = CliInstaller.builder().progress(InstallProgressBar.onStandardError())
                .projectNpmrc(projectNpmrc).allowHttpRegistry(allowHttpRegistry);
        if (registry != null) {
            installer.registry(registry);
        }
        if (cacheDir != null) {
            installer.cacheDir(cacheDir);
        }
        String version = cliVersion != null ? cliVersion : ClaudeCode.cliVersion();
        installer.version(version);
        Path binary = installer.build().install();
        System.out.println("Claude Code CLI " + version + " is installed at " + binary);
        if (!CliVersionRange.contains(version)) {
            System.out.println("Note: " + version + " is outside the versions this library supports (" + CliVersionRange.OLDEST
                    + " to " + CliVersionRange.NEWEST + "); sessions run on it with a warning.");
        }
        return 0;
    }
}
