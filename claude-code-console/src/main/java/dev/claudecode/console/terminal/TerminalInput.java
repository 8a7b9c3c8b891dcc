package dev.claudecode.console.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lines a person types, read on a thread of their own. A line normally becomes the next command
 * or prompt; while a question is open (a permission prompt), the next line answers it instead, so
 * questions can be asked from any thread while the command loop waits.
 */
public final class TerminalInput implements AutoCloseable {

    private static final Optional<String> END = Optional.empty();

    private final BufferedReader reader;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final AtomicReference<CompletableFuture<Optional<String>>> question = new AtomicReference<>();
    private final Thread thread;

    /**
     * Starts reading.
     *
     * @param in what the person types, usually standard input
     * @param charset its encoding
     */
    public TerminalInput(InputStream in, Charset charset) {
        this.reader = new BufferedReader(new InputStreamReader(in, charset));
        this.thread = Thread.ofVirtual().name("terminal-input").start(this::readAll);
    }

    /**
     * Waits for the next command or prompt line.
     *
     * @return the line, empty at the end of the input
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<String> nextLine() throws InterruptedException {
        Optional<String> line = lines.take();
        if (line.isEmpty()) {
            lines.add(END);
        }
        return line;
    }

    /**
     * Waits for the answer to a question: the next line typed.
     *
     * @param timeout how long to wait
     * @return the answer; empty when the input ended or the time ran out
     */
    public Optional<String> answer(Duration timeout) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        if (!question.compareAndSet(null, answer)) {
            throw new IllegalStateException("another question waits for its answer");
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } finally {
            question.compareAndSet(answer, null);
        }
    }

    private void readAll() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                CompletableFuture<Optional<String>> open = question.getAndSet(null);
                if (open != null) {
                    open.complete(Optional.of(line));
                } else {
                    lines.add(Optional.of(line));
                }
            }
        } catch (IOException e) {
            // an input that cannot be read any more (closed, or this reader interrupted) has ended
        } finally {
            CompletableFuture<Optional<String>> open = question.getAndSet(null);
            if (open != null) {
                open.complete(END);
            }
            lines.add(END);
        }
    }

    /** Stops waiting for input; the reading thread ends with the input or the program. */
    @Override
    public void close() {
        thread.interrupt();
    }
}
