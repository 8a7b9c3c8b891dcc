package dev.claudecode.micrometer;

/** The names of the meters {@link ClaudeCodeMetrics} registers. */
public final class MeterNames {

    /** Gauge: sessions open now. */
    public static final String SESSIONS_ACTIVE = "claude_code.sessions.active";
    /** Timer: turns from the moment they are asked for to their result; tags {@code outcome}, {@code model}. */
    public static final String TURNS = "claude_code.turns";
    /** Counter: US dollars spent, per turn's cost; tag {@code model}. */
    public static final String COST = "claude_code.cost";
    /** Counter: tokens of the turns' main loops; tags {@code type} (input, output, cache_read, cache_creation), {@code model}. */
    public static final String TOKENS = "claude_code.tokens";
    /** Timer: tool uses the CLI reported, to their result; tags {@code tool}, {@code outcome} (ok, error, no_result). */
    public static final String TOOL_CALLS = "claude_code.tool.calls";
    /** Timer: Java callbacks the CLI asked for; tags {@code kind}, {@code outcome}. */
    public static final String CALLBACKS = "claude_code.callbacks";
    /** Timer: CLI processes launched, to their handshake; tags {@code reason} (start, restart, reset), {@code outcome}. */
    public static final String CLI_LAUNCHES = "claude_code.cli.launches";
    /** Counter: CLI processes launched to continue a conversation after its CLI ended. */
    public static final String CLI_RESTARTS = "claude_code.cli.restarts";
    /** Timer: control requests sent to the CLI; tags {@code subtype}, {@code outcome} (ok, error, timeout). */
    public static final String CONTROL_REQUESTS = "claude_code.control.requests";
    /** Counter: control requests that got no answer in time; tag {@code subtype}. */
    public static final String CONTROL_TIMEOUTS = "claude_code.control.timeouts";
    /** Timer: appends to the session store, each attempt; tag {@code outcome} (ok, failed). */
    public static final String STORE_APPENDS = "claude_code.store.appends";
    /** Counter: appends to the session store that failed (each attempt). */
    public static final String STORE_APPEND_FAILURES = "claude_code.store.append.failures";
    /** Counter: transcript lines appended to the session store. */
    public static final String STORE_APPENDED_ENTRIES = "claude_code.store.appended.entries";

    private MeterNames() {
    }
}
