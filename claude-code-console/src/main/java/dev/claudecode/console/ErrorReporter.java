package dev.claudecode.console;

import dev.claudecode.errors.ClaudeCodeException;
import picocli.CommandLine;

/** Prints library failures as one clear line instead of a stack trace. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof ClaudeCodeException) {
            command.getErr().println("error: " + e.getMessage());
            return 1;
        }
        throw e;
    }
}
