package dev.claudecode.testkit;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/** The scripted replies not yet served, first in first out. Thread-safe. */
final class ScriptQueue {

    private final Deque<Reply> replies = new ArrayDeque<>();

    synchronized void addAll(Collection<? extends Reply> more) {
        more.forEach(reply -> replies.addLast(Objects.requireNonNull(reply, "reply")));
    }

    synchronized Optional<Reply> poll() {
        return Optional.ofNullable(replies.pollFirst());
    }

    synchronized int size() {
        return replies.size();
    }

    synchronized void clear() {
        replies.clear();
    }
}
