package dev.claudecode.spring;

import dev.claudecode.options.ClaudeCodeOptions;

/**
 * Changes the options of the application's sessions beyond what the {@code claude-code.*}
 * properties and the picked-up beans set. Every bean of this type is applied, in {@code @Order},
 * after the properties and beans.
 */
@FunctionalInterface
public interface ClaudeCodeOptionsCustomizer {

    /**
     * @param options the options built so far
     */
    void customize(ClaudeCodeOptions.Builder options);
}
