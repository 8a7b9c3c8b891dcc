package dev.claudecode.console;

import dev.claudecode.ClaudeCode;
import dev.claudecode.cli.CliInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code install-cli}: installs the pinned Claude Code CLI into the managed cache. */
@Command(name = "install-cli", mixinStandardHelpOptions = true,
        description = "Install the Claude Code CLI this library is built for, verified, into a per-user cache.")
final class InstallCliCommand implements Callable<Integer> {

    @Option(names = "--cache-dir", description = "Where to install (default: ~/.cache/claude-code-java/cli).")
    Path cacheDir;

    @Override
    public Integer call() {
        CliInstaller.Builder installer = CliInstaller.builder();
        if (cacheDir != null) {
            installer.cacheDir(cacheDir);
        }
        Path binary = installer.build().install();
        System.out.println("Claude Code CLI " + ClaudeCode.cliVersion() + " is installed at " + binary);
        return 0;
    }
}
