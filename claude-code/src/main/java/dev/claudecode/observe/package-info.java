/**
 * Watching sessions from the outside: the {@link dev.claudecode.observe.SessionObserver} SPI that
 * tracing, metrics and logging build on, without the core depending on any of them.
 *
 * <p>Give a session observers with {@code ClaudeCodeOptions.Builder.observer(...)}. The session
 * then reports each operation as it starts ({@link dev.claudecode.observe.SessionObserver#turn},
 * {@link dev.claudecode.observe.SessionObserver#cliLaunch cliLaunch}, {@link
 * dev.claudecode.observe.SessionObserver#toolUse toolUse}, {@link
 * dev.claudecode.observe.SessionObserver#callback callback}, {@link
 * dev.claudecode.observe.SessionObserver#control control}, {@link
 * dev.claudecode.observe.SessionObserver#storeAppend storeAppend}, and the session itself) and
 * receives from the observer an {@link dev.claudecode.observe.Observation}: the handle the session
 * ends, exactly once, with the operation's result or failure, and opens on every thread that works
 * on the operation's behalf, so that an observer keeping a "current operation" per thread (an
 * OpenTelemetry context, a logging MDC) sees operations nested as they happen: a tool use inside
 * its turn, a permission callback inside its tool use, a CLI restart inside the turn that needed it.
 *
 * <h2>Threads and failures</h2>
 * <ul>
 *   <li>Observers are never called on the thread that reads the CLI. Operations the caller starts
 *       (the session, a turn, a control request, the first CLI launch) are reported on the
 *       caller's thread, so the caller's own context is where they start; a callback on the
 *       thread that answers it; everything the CLI reports (tool uses, a turn's end, a finished
 *       handshake) on one observer thread per session, in the order the CLI wrote it.</li>
 *   <li>An observer that throws is logged and ignored: it never breaks a session, a turn or a
 *       callback. Observers should return quickly; a slow one delays only the events queued behind
 *       it (at most {@value dev.claudecode.observe.SessionObserver#MAX_QUEUED_EVENTS} per session; beyond
 *       that, events are dropped with a warning).</li>
 * </ul>
 */
package dev.claudecode.observe;
