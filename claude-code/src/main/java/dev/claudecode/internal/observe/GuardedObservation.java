package dev.claudecode.internal.observe;

import dev.claudecode.observe.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The observations that the session's observers returned for one operation, behind one handle
 * that keeps the observation contract whatever the observers do: it ends once (later calls are
 * ignored), and an observer that throws is logged and skipped.
 *
 * @param <R> what the operation ends with
 */
final class GuardedObservation<R> implements Observation<R> {

    private final List<Observation<R>> observations;
    private final Guard guard;
    private final AtomicBoolean ended = new AtomicBoolean();

    GuardedObservation(List<Observation<R>> observations, Guard guard) {
        this.observations = List.copyOf(observations);
        this.guard = guard;
    }

    @Override
    public Scope open() {
        List<Scope> scopes = new ArrayList<>(observations.size());
        for (Observation<R> observation : observations) {
            Scope scope = guard.call("open", observation::open);
            if (scope != null) {
                scopes.add(scope);
            }
        }
        if (scopes.isEmpty()) {
            return Scope.NONE;
        }
        return () -> {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                Scope scope = scopes.get(i);
                guard.run("close", scope::close);
            }
        };
    }

    @Override
    public void end(R result) {
        if (ended.compareAndSet(false, true)) {
            observations.forEach(observation -> guard.run("end", () -> observation.end(result)));
        }
    }

    @Override
    public void fail(Throwable error) {
        if (ended.compareAndSet(false, true)) {
            observations.forEach(observation -> guard.run("fail", () -> observation.fail(error)));
        }
    }
}
