package dev.claudecode.observe;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.store.SessionKey;
import java.util.Map;

/**
 * Follows what a session does, for tracing, metrics or logs: each method is called when an
 * operation starts and returns the {@link Observation} the session ends when it is over. Every
 * method has a default that observes nothing, so an observer implements only what it needs; one
 * observer instance may serve many sessions at once and must be thread-safe.
 *
 * <p>Give observers to a session with {@code ClaudeCodeOptions.Builder.observer(...)}. The
 * package documentation says on which threads they are called; an observer that throws is logged
 * and ignored, never breaking the session.
 *
 * <pre>{@code
 * SessionObserver slowTurns = new SessionObserver() {
 *     public Observation<TurnOutcome> turn(TurnStart turn) {
 *         long started = System.nanoTime();
 *         return new Observation<>() {
 *             public void end(TurnOutcome outcome) {
 *                 log.info("turn took {} ms and ${}", (System.nanoTime() - started) / 1_000_000, outcome.costUsd());
 *             }
 *         };
 *     }
 * };
 * }</pre>
 */
public interface SessionObserver {

    /** How many events may wait for a session's observer thread; more are dropped with a warning. */
    int MAX_QUEUED_EVENTS = 10_000;

    /**
     * A session starts; reported on the thread that starts it, and ended when it is stopped.
     *
     * @return the session's observation
     */
    default Observation<Void> session() {
        return Observation.none();
    }

    /**
     * A CLI process is launched; reported on the thread that needs it (the one starting the
     * session, the turn or the control request), within the observation of the turn that needs it,
     * if any. It ends with the CLI's answer to the start-up handshake.
     *
     * @param launch why it is launched
     * @return the launch's observation
     */
    default Observation<Void> cliLaunch(CliLaunch launch) {
        return Observation.none();
    }

    /**
     * Variables to add to the environment of a CLI about to be launched, for example trace context
     * ({@code TRACEPARENT}) so that the CLI's own telemetry joins the caller's trace. Called within
     * the launch's open observation; variables that the session's options set explicitly win.
     * Their values are never logged.
     *
     * @param launch the launch
     * @return the variables; empty by default
     */
    default Map<String, String> cliEnvironment(CliLaunch launch) {
        return Map.of();
    }

    /**
     * A turn is asked for; reported on the asking thread. It ends with its result, or fails (the
     * CLI died, the session was stopped, the turn was withdrawn before it started).
     *
     * @param turn the turn
     * @return the turn's observation
     */
    default Observation<TurnOutcome> turn(TurnStart turn) {
        return Observation.none();
    }

    /**
     * The model asked for a tool and the CLI reported it ({@code tool_use} in an assistant
     * message); reported within the turn's observation. It ends with the {@code tool_result} the
     * CLI reported (which may be an error result: a denial, a failing command), or fails when the
     * turn ends without one.
     *
     * @param toolUse the tool use
     * @return the tool use's observation
     */
    default Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
        return Observation.none();
    }

    /**
     * The CLI asked the session to run Java code: a permission, hook or in-process MCP tool
     * callback. Reported on the thread that answers the CLI, within the observation of the tool
     * use it is about (else of the active turn, else of the CLI's launch). The observation is
     * opened around the Java code on the thread that runs it.
     *
     * @param call the callback
     * @return the callback's observation
     */
    default Observation<String> callback(CallbackCall call) {
        return Observation.none();
    }

    /**
     * The session sends a control request to the CLI (a runtime control such as {@code
     * set_model}, {@code mcp_status} or {@code interrupt}); reported on the calling thread. It
     * fails with the CLI's refusal, a {@link dev.claudecode.errors.ControlTimeoutException}, or the
     * CLI's exit.
     *
     * @param subtype the request's subtype, such as {@code set_model}
     * @return the request's observation
     */
    default Observation<Void> control(String subtype) {
        return Observation.none();
    }

    /**
     * The session appends transcript lines to its {@linkplain
     * dev.claudecode.store.SessionStore session store}, in the background; reported on the store
     * thread, once per attempt (a failed append is retried).
     *
     * @param key the transcript appended to
     * @param entries how many lines
     * @return the append's observation
     */
    default Observation<Void> storeAppend(SessionKey key, int entries) {
        return Observation.none();
    }
}
