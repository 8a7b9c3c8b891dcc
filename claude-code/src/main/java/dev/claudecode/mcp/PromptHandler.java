package dev.claudecode.mcp;

import java.util.Map;

/** Expands an in-process MCP prompt. */
@FunctionalInterface
public interface PromptHandler {

    /**
     * Expands the prompt.
     *
     * @param arguments the arguments given, by name
     * @return the messages
     * @throws Exception any failure, reported to the CLI as an MCP error
     */
    PromptResult get(Map<String, String> arguments) throws Exception;
}
