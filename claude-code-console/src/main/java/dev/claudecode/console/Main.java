package dev.claudecode.console;

import dev.claudecode.internal.BuildInfo;

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
        System.out.println("claude-code-java " + BuildInfo.libraryVersion() + " (Claude Code CLI " + BuildInfo.cliVersion() + ")");
    }
}
