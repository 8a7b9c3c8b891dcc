package dev.claudecode;

import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.content.ContentBlocks;
import dev.claudecode.content.TextBlock;
import dev.claudecode.internal.session.Turn;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages of one turn, in the order the CLI wrote them, ending with its {@link
 * ResultMessage}. Iterate it once (for-each, {@link #iterator()} or {@link #stream()}), or just
 * ask for the {@link #result()} or the {@link #finalText()}.
 *
 * <p>Closing the stream before the result interrupts the turn in the CLI, so the next turn starts
 * promptly. Waiting for the next message can be ended by interrupting the waiting thread, by
 * {@link Session#interrupt()}, or by stopping the session.
 *
 * <pre>{@code
 * try (MessageStream turn = session.stream("What is 5 + 3?")) {
 *     for (Message message : turn) {
 *         if (message instanceof AssistantMessage assistant) System.out.print(assistant.text());
 *     }
 * }
 * }</pre>
 */
public final class MessageStream implements Iterable<Message>, AutoCloseable {

    private final Session session;
    private final Turn turn;
    // The texts of the assistant messages, for finalText(): the strings themselves, not a copy
    // (a turn's text can be hundreds of megabytes), and not the messages, which would keep each
    // message's whole JSON alive until the turn ends.
    // Bounded: only the last FALLBACK_TEXT_CHARS characters are kept, so that a long turn read by
    // a slow consumer does not keep all of its text until it ends.
    private final java.util.ArrayDeque<String> assistantTexts = new java.util.ArrayDeque<>();
    private long assistantChars;
    // one reader at a time; a lock rather than a monitor, so that a virtual thread waiting for a
    // message does not pin its carrier on Java 21
    private final ReentrantLock reading = new ReentrantLock();
    private boolean iteratorTaken;
    private volatile boolean ended;
    private volatile boolean closed;
    private RuntimeException failure;
    private ResultMessage result;

    MessageStream(Session session, Turn turn) {
        this.session = session;
        this.turn = turn;
    }

    /**
     * Returns the iterator over the turn's messages. Its {@code hasNext} waits for the next
     * message and throws the turn's failure, such as a {@link dev.claudecode.errors.CliProcessException} when the CLI
     * died, after the messages that arrived before it.
     *
     * @return the iterator; a stream can be iterated only once
     * @throws IllegalStateException on a second call
     */
    @Override
    public Iterator<Message> iterator() {
        reading.lock();
        try {
            if (iteratorTaken) {
                throw new IllegalStateException("a MessageStream can be iterated only once");
            }
            iteratorTaken = true;
        } finally {
            reading.unlock();
        }
        return new Iterator<>() {
            private Message next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                return next != null;
            }

            @Override
            public Message next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the turn is over");
                }
                Message message = next;
                next = null;
                return message;
            }
        };
    }

    /** {@return the messages as a sequential stream; closing it closes this message stream} */
    public Stream<Message> stream() {
        Spliterator<Message> spliterator = Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /**
     * Waits for the turn to end and returns its result, consuming any messages not read yet.
     *
     * @return the result message
     * @throws dev.claudecode.errors.CliProcessException when the CLI died before the result
     * @throws dev.claudecode.errors.SessionClosedException when the session was stopped first
     */
    public ResultMessage result() {
        reading.lock();
        try {
            while (takeLocked() != null) {
                // consume the rest of the turn
            }
            if (result == null) {
                throw new ClaudeCodeException("the message stream was closed before the turn's result arrived");
            }
            return result;
        } finally {
            reading.unlock();
        }
    }

    /** The most characters of assistant text kept for {@link #finalText()}'s fallback: 4 Mi. */
    public static final int FALLBACK_TEXT_CHARS = 4 << 20;

    /**
     * Waits for the turn to end and returns the answer's text: the result's text, or, when the
     * result carries none (an interrupted turn's, say), the text of the assistant messages; of
     * that, at most the last {@value #FALLBACK_TEXT_CHARS} characters, in whole messages' texts
     * (a single longer text is kept whole).
     *
     * @return the final text
     */
    public String finalText() {
        // once result() has returned, the turn is over and no text is added any more
        ResultMessage done = result();
        return done.result().orElseGet(() -> String.join("", assistantTexts));
    }

    /** Stops reading: when the turn is not over, it is interrupted in the CLI (or never sent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (turn.state() != Turn.State.DONE || !ended) {
                session.abandon(turn);
            }
        }
    }

    private void keepText(String text) {
        assistantTexts.addLast(text);
        assistantChars += text.length();
        while (assistantChars > FALLBACK_TEXT_CHARS && assistantTexts.size() > 1) {
            assistantChars -= assistantTexts.removeFirst().length();
        }
    }

    private Message take() {
        reading.lock();
        try {
            return takeLocked();
        } finally {
            reading.unlock();
        }
    }

    private Message takeLocked() {
        if (ended) {
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        Turn.Item item;
        try {
            item = turn.next(null).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaudeCodeException("interrupted while waiting for the next message", e);
        }
        switch (item) {
            case Turn.Delivered delivered -> {
                Message message = delivered.message();
                if (message instanceof AssistantMessage assistant) {
                    for (TextBlock block : ContentBlocks.ofType(assistant.content(), TextBlock.class)) {
                        keepText(block.text());
                    }
                } else if (message instanceof ResultMessage resultMessage) {
                    result = resultMessage;
                }
                return message;
            }
            case Turn.Ended e -> {
                ended = true;
                return null;
            }
            case Turn.Failed failed -> {
                ended = true;
                failure = failed.error();
                throw failure;
            }
        }
    }
}
