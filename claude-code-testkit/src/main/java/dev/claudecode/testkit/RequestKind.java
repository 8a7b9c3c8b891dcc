package dev.claudecode.testkit;

import java.util.List;
import java.util.Map;

/**
 * What a request to {@link FakeClaudeApi} is. By default only {@link #MAIN} requests consume the
 * script; see {@link FakeClaudeApi.Builder#consumesScript}.
 */
public enum RequestKind {

    /** A {@code /v1/messages} request of the agent loop: it carries a non-empty tool list. */
    MAIN,

    /**
     * The session-title side request: no tools, and {@code output_config.format} is a JSON schema
     * with a {@code title} property. The CLI sends it for some first prompts.
     */
    TITLE,

    /** Any other {@code /v1/messages} request with an empty or missing tool list. */
    SIDE,

    /** A {@code /v1/messages/count_tokens} request. */
    COUNT_TOKENS,

    /** Any other path or method. */
    OTHER;

    /**
     * Classifies a request.
     *
     * @param method the HTTP method
     * @param path the request path without the query
     * @param body the parsed JSON body (empty when absent)
     * @return the kind
     */
    static RequestKind classify(String method, String path, Map<String, Object> body) {
        if (!"POST".equals(method) || !path.startsWith("/v1/messages")) {
            return OTHER;
        }
        if (path.startsWith("/v1/messages/count_tokens")) {
            return COUNT_TOKENS;
        }
        if (!path.equals("/v1/messages") && !path.equals("/v1/messages/")) {
            return OTHER;
        }
        if (body.get("tools") instanceof List<?> tools && !tools.isEmpty()) {
            return MAIN;
        }
        return asksForTitle(body) ? TITLE : SIDE;
    }

    private static boolean asksForTitle(Map<String, Object> body) {
        return body.get("output_config") instanceof Map<?, ?> config
                && config.get("format") instanceof Map<?, ?> format
                && format.get("schema") instanceof Map<?, ?> schema
                && schema.get("properties") instanceof Map<?, ?> properties
                && properties.containsKey("title");
    }
}
