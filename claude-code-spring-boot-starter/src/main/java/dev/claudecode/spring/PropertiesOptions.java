package dev.claudecode.spring;

import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.PermissionMode;

/** Sets the options the {@code claude-code.*} properties name on a builder. */
final class PropertiesOptions {

    private PropertiesOptions() {
    }

    /**
     * @param properties the bound properties
     * @param options the builder to set them on; unset properties leave it as it is
     */
    static void apply(ClaudeCodeProperties properties, ClaudeCodeOptions.Builder options) {
        if (properties.getCliPath() != null) {
            options.cliPath(properties.getCliPath());
        }
        if (properties.getCwd() != null) {
            options.cwd(properties.getCwd().toAbsolutePath());
        }
        if (properties.getModel() != null) {
            options.model(properties.getModel());
        }
        if (properties.getFallbackModel() != null) {
            options.fallbackModel(properties.getFallbackModel());
        }
        if (properties.getPermissionMode() != null) {
            options.permissionMode(PermissionMode.of(properties.getPermissionMode()));
        }
        if (!properties.getAllowedTools().isEmpty()) {
            options.allowedTools(properties.getAllowedTools());
        }
        if (!properties.getDisallowedTools().isEmpty()) {
            options.disallowedTools(properties.getDisallowedTools());
        }
        if (properties.getMaxTurns() != null) {
            options.maxTurns(properties.getMaxTurns());
        }
        if (properties.getMaxBudgetUsd() != null) {
            options.maxBudgetUsd(properties.getMaxBudgetUsd());
        }
        if (properties.getSystemPrompt() != null) {
            options.systemPrompt(properties.getSystemPrompt());
        }
        if (properties.getAppendSystemPrompt() != null) {
            options.appendSystemPrompt(properties.getAppendSystemPrompt());
        }
        if (!properties.getEnv().isEmpty()) {
            options.env(properties.getEnv());
        }
        if (properties.getApiKey() != null && !properties.getApiKey().isBlank()) {
            options.apiKey(properties.getApiKey());
        }
        if (properties.getControlTimeout() != null) {
            options.controlTimeout(properties.getControlTimeout());
        }
        if (properties.getInactivityTimeout() != null) {
            options.inactivityTimeout(properties.getInactivityTimeout());
        }
        if (properties.getPermissionCallbackTimeout() != null) {
            options.permissionCallbackTimeout(properties.getPermissionCallbackTimeout());
        }
        if (properties.getHookTimeout() != null) {
            options.hookTimeout(properties.getHookTimeout());
        }
        if (properties.getMcpToolTimeout() != null) {
            options.mcpToolTimeout(properties.getMcpToolTimeout());
        }
        options.includePartialMessages(properties.isIncludePartialMessages());
        if (properties.getSessionStore().getProjectKey() != null) {
            options.sessionStoreProjectKey(properties.getSessionStore().getProjectKey());
        }
    }
}
