package dev.claudecode.console;

import dev.claudecode.cli.CliInstaller;
import dev.claudecode.internal.BuildInfo;
import java.nio.file.Path;

/** The {@code claude-code} command line program. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the program.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        String command = args.length == 0 ? "version" : args[0];
        switch (command) {
            case "install-cli" -> {
                Path binary = CliInstaller.builder().build().install();
                System.out.println("Claude Code CLI " + BuildInfo.cliVersion() + " is installed at " + binary);
            }
            case "version" -> System.out.println("claude-code-java " + BuildInfo.libraryVersion()
                    + " (Claude Code CLI " + BuildInfo.cliVersion() + ")");
            default -> {
                System.err.println("usage: claude-code install-cli | version");
                System.exit(2);
            }
        }
    }
}
