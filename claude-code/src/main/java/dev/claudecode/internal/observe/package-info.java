/**
 * How a session reports to its {@link dev.claudecode.observe.SessionObserver}s: guarded, composite
 * observations ({@link dev.claudecode.internal.observe.GuardedObservation}), the per-session hub and
 * observer thread ({@link dev.claudecode.internal.observe.Observers}), and what follows a turn's
 * messages to report its tool uses and its outcome ({@link dev.claudecode.internal.observe.TurnWatch}).
 */
package dev.claudecode.internal.observe;
