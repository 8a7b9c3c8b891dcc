package dev.claudecode.console;

import dev.claudecode.ClaudeCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claude-code} command line program: run, watch and browse Claude Code sessions. */
@Command(name = "claude-code", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Run and steer Claude Code sessions from Java.",
        subcommands = {AskCommand.class, ChatCommand.class, SessionsCommand.class, ShowCommand.class, ServeCommand.class,
            InstallCliCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /**
     * Runs the program.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the program without exiting the JVM.
     *
     * @param args the command line
     * @return the exit status
     */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Reports the library and CLI versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"claude-code-java " + ClaudeCode.version() + " (Claude Code CLI " + ClaudeCode.cliVersion() + ")"};
        }
    }
}
