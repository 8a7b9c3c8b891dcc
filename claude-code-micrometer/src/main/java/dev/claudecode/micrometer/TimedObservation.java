package dev.claudecode.micrometer;

import dev.claudecode.observe.Observation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An {@link Observation} timed by a Micrometer {@link Timer}: the sample starts with the
 * operation and stops when it ends or fails, under tags worked out from what it ended with.
 *
 * @param <R> what the operation ends with
 */
final class TimedObservation<R> implements Observation<R> {

    private final MeterRegistry registry;
    private final Timer.Sample sample;
    private final String timer;
    private final Tags tags;
    private final Function<R, Tags> endTags;
    private final Function<Throwable, Tags> failTags;
    private final BiConsumer<R, Tags> onEnd;

    TimedObservation(MeterRegistry registry, String timer, Tags tags, Function<R, Tags> endTags,
            Function<Throwable, Tags> failTags, BiConsumer<R, Tags> onEnd) {
        this.registry = registry;
        this.sample = Timer.start(registry);
        this.timer = timer;
        this.tags = tags;
        this.endTags = endTags;
        this.failTags = failTags;
        this.onEnd = onEnd;
    }

    @Override
    public void end(R result) {
        Tags all = tags.and(endTags.apply(result));
        sample.stop(registry.timer(timer, all));
        onEnd.accept(result, all);
    }

    @Override
    public void fail(Throwable error) {
        sample.stop(registry.timer(timer, tags.and(failTags.apply(error))));
    }
}
