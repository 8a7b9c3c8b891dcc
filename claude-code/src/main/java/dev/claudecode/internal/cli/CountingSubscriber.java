package dev.claudecode.internal.cli;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A body subscriber that counts the bytes passing to another one and reports the running total,
 * at most once per interval, and once more at the end.
 *
 * @param <T> the body type
 */
final class CountingSubscriber<T> implements BodySubscriber<T> {

    private static final long INTERVAL_NANOS = 100_000_000L;

    private final BodySubscriber<T> delegate;
    private final LongConsumer progress;
    private long bytes;
    private long lastReport = System.nanoTime();

    CountingSubscriber(BodySubscriber<T> delegate, LongConsumer progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public CompletionStage<T> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer buffer : item) {
            bytes += buffer.remaining();
        }
        delegate.onNext(item);
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            progress.accept(bytes);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
        progress.accept(bytes);
        delegate.onComplete();
    }
}
