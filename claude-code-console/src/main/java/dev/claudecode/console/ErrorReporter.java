package dev.claudecode.console;

import dev.claudecode.console.terminal.TerminalText;
import dev.claudecode.errors.ClaudeCodeException;
import picocli.CommandLine;

/** Prints library failures as one clear line instead of a stack trace. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof ClaudeCodeException) {
            // a failure's message can carry the CLI's output
            command.getErr().println("error: " + TerminalText.sanitize(e.getMessage()));
            return 1;
        }
        throw e;
    }
}
