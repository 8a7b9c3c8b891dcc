package dev.claudecode.internal.protocol;

import tools.jackson.databind.JsonNode;

/** Answers one control request the CLI sent (can_use_tool, hook_callback, mcp_message, ...). */
@FunctionalInterface
public interface InboundRequestHandler {

    /**
     * Computes the answer. Runs on its own virtual thread, never on the stdout reader; it is
     * interrupted when the CLI cancels the request.
     *
     * @param subtype the request's subtype
     * @param request the {@code request} object of the control request
     * @return the {@code response} payload of a success answer
     * @throws Exception any failure, which becomes an error answer carrying its message
     */
    JsonNode handle(String subtype, JsonNode request) throws Exception;
}
