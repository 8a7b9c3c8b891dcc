/**
 * claude-code-java: run and steer Claude Code CLI sessions from Java.
 *
 * <p>Every package outside {@code dev.claudecode.internal} is API. The internal packages are the
 * implementation; a few are exported, by name only, to the library's own modules that build on them
 * (remote, container and Kubernetes transports, the benchmark harness).
 */
module dev.claudecode {
    requires transitive java.net.http;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson3;
    requires reactor.core;

    exports dev.claudecode;
    exports dev.claudecode.cli;
    exports dev.claudecode.content;
    exports dev.claudecode.control;
    exports dev.claudecode.elicitation;
    exports dev.claudecode.errors;
    exports dev.claudecode.history;
    exports dev.claudecode.hook;
    exports dev.claudecode.mcp;
    exports dev.claudecode.message;
    exports dev.claudecode.message.stream;
    exports dev.claudecode.node;
    exports dev.claudecode.observe;
    exports dev.claudecode.options;
    exports dev.claudecode.permission;
    exports dev.claudecode.store;
    exports dev.claudecode.transport;
    exports dev.claudecode.usage;

    exports dev.claudecode.internal.cli to dev.claudecode.ssh;
    exports dev.claudecode.internal.launch to dev.claudecode.ssh, dev.claudecode.bench;
    exports dev.claudecode.internal.node to dev.claudecode.ssh, dev.claudecode.container, dev.claudecode.kubernetes;
    exports dev.claudecode.internal.process to dev.claudecode.ssh, dev.claudecode.container, dev.claudecode.kubernetes;
    exports dev.claudecode.internal.session to dev.claudecode.ssh;
    exports dev.claudecode.internal.transport to dev.claudecode.ssh, dev.claudecode.container, dev.claudecode.kubernetes;
    exports dev.claudecode.internal.json to dev.claudecode.bench;
    exports dev.claudecode.internal.protocol to dev.claudecode.bench;
}
