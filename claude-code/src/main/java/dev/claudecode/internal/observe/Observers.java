package dev.claudecode.internal.observe;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.observe.CallbackCall;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.observe.TurnOutcome;
import dev.claudecode.observe.TurnStart;
import dev.claudecode.store.SessionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A session's observers, behind calls that cannot break the session: each operation gets one
 * {@link Observation} for all observers that ends once, and events the CLI reports run on the
 * session's observer thread. A session without observers gets {@link #NONE}, whose calls return
 * {@link Observation#none()} and cost nothing.
 */
public final class Observers {

    /** No observers. */
    public static final Observers NONE = new Observers(List.of());

    private final List<SessionObserver> observers;
    private final Guard guard = new Guard();
    private final EventQueue events = new EventQueue(SessionObserver.MAX_QUEUED_EVENTS);
    private final TurnCosts costs = new TurnCosts();
    // the launch whose handshake is under way: the parent of callbacks the CLI makes meanwhile
    private volatile Observation<Void> launching = Observation.none();

    private Observers(List<SessionObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /**
     * @param observers the session's observers
     * @return the hub; {@link #NONE} when there are none
     */
    public static Observers of(List<SessionObserver> observers) {
        return observers.isEmpty() ? NONE : new Observers(observers);
    }

    /** @return whether no observer listens */
    public boolean isEmpty() {
        return observers.isEmpty();
    }

    /** @return the session's observation, started now */
    public Observation<Void> session() {
        return start("session", SessionObserver::session);
    }

    /**
     * Starts observing a CLI launch; the caller opens it around the launch.
     *
     * @param launch why it is launched
     * @return its observation
     */
    public Observation<Void> cliLaunch(CliLaunch launch) {
        costs.launched(launch.reason());
        Observation<Void> observation = start("cliLaunch", observer -> observer.cliLaunch(launch));
        launching = observation;
        return observation;
    }

    /**
     * Ends a launch's observation when its handshake completes, on the observer thread; a launch
     * that failed at once is given a failed future.
     *
     * @param observation the launch's observation
     * @param handshake the answer to {@code initialize}
     */
    public void endLaunch(Observation<Void> observation, CompletableFuture<?> handshake) {
        if (isEmpty()) {
            return;
        }
        handshake.whenComplete((answer, error) -> later(() -> {
            if (launching == observation) {
                launching = Observation.none();
            }
            if (error == null) {
                observation.end(null);
            } else {
                observation.fail(unwrap(error));
            }
        }));
    }

    /**
     * @param launch the launch about to happen
     * @return the variables the observers add to the CLI's environment, later observers winning
     */
    public Map<String, String> cliEnvironment(CliLaunch launch) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (SessionObserver observer : observers) {
            Map<String, String> added = guard.call("cliEnvironment", () -> observer.cliEnvironment(launch));
            if (added != null) {
                added.forEach((name, value) -> {
                    if (name != null && value != null) {
                        environment.put(name, value);
                    }
                });
            }
        }
        return environment;
    }

    /**
     * Starts observing a turn.
     *
     * @param turn the turn asked for
     * @return what follows the turn's messages
     */
    public TurnWatch turn(TurnStart turn) {
        if (isEmpty()) {
            return TurnWatch.NONE;
        }
        return new TurnWatch(this, start("turn", observer -> observer.turn(turn)));
    }

    /**
     * Starts observing a tool use.
     *
     * @param toolUse the tool use
     * @return its observation
     */
    Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
        return start("toolUse", observer -> observer.toolUse(toolUse));
    }

    /**
     * Starts observing a callback, within a parent.
     *
     * @param call the callback
     * @param parent the operation it belongs to
     * @return its observation
     */
    public Observation<String> callback(CallbackCall call, Observation<?> parent) {
        if (isEmpty()) {
            return Observation.none();
        }
        try (Observation.Scope scope = parent.open()) {
            return start("callback", observer -> observer.callback(call));
        }
    }

    /**
     * @return the operation that callbacks belong to when no turn runs: the launch under way, if any
     */
    public Observation<?> launchInProgress() {
        return launching;
    }

    /**
     * Starts observing a control request.
     *
     * @param subtype its subtype
     * @return its observation
     */
    public Observation<Void> control(String subtype) {
        return start("control", observer -> observer.control(subtype));
    }

    /**
     * Observes a control request that completes later: its observation ends on the observer thread.
     *
     * @param subtype its subtype
     * @param answer the pending answer
     * @param <T> the answer's type
     * @return the same answer
     */
    public <T> CompletableFuture<T> control(String subtype, CompletableFuture<T> answer) {
        if (isEmpty()) {
            return answer;
        }
        Observation<Void> observation = control(subtype);
        answer.whenComplete((value, error) -> later(() -> {
            if (error == null) {
                observation.end(null);
            } else {
                observation.fail(unwrap(error));
            }
        }));
        return answer;
    }

    /**
     * Starts observing a store append.
     *
     * @param key the transcript
     * @param entries how many lines
     * @return its observation
     */
    public Observation<Void> storeAppend(SessionKey key, int entries) {
        return start("storeAppend", observer -> observer.storeAppend(key, entries));
    }

    /** @return the session's turn costs */
    TurnCosts costs() {
        return costs;
    }

    /**
     * Runs an event on the session's observer thread, after the events before it.
     *
     * @param event what to run
     */
    void later(Runnable event) {
        events.add(() -> guard.run("event", event));
    }

    private <R> Observation<R> start(String what, Function<SessionObserver, Observation<R>> starter) {
        if (isEmpty()) {
            return Observation.none();
        }
        List<Observation<R>> started = new ArrayList<>(observers.size());
        for (SessionObserver observer : observers) {
            Observation<R> observation = guard.call(what, () -> starter.apply(observer));
            if (observation != null) {
                started.add(observation);
            }
        }
        return new GuardedObservation<>(started, guard);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /**
     * Finds the operation a callback belongs to.
     */
    @FunctionalInterface
    public interface Parents {
        /**
         * @param toolUseId the tool use the callback is about, if the CLI names one
         * @return its observation, else the active turn's, else the launch under way
         */
        Observation<?> of(Optional<String> toolUseId);
    }
}
