package dev.claudecode.console.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines a person types (or a pipe delivers), read on a thread of their own. A line normally
 * becomes the next command or prompt; while a question is open (a permission prompt), the next
 * line answers it instead, so questions can be asked from any thread while the command loop waits.
 * A line that arrived before the question and that the command loop has not taken yet answers it
 * too: with piped input, the line after a prompt answers that prompt's questions.
 */
public final class TerminalInput implements AutoCloseable {

    private static final Optional<String> END = Optional.empty();

    private final BufferedReader reader;
    // END, once the input ended, is always the last element and is never taken away for good
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private CompletableFuture<Optional<String>> question;
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
     * Waits for the answer to a question: the oldest line not taken yet, else the next line typed.
     *
     * @return the answer; empty when the input ended or the waiting thread was interrupted (its
     *     interrupt flag is then set again)
     * @throws IllegalStateException when another question waits for its answer
     */
    public Optional<String> answer() {
        CompletableFuture<Optional<String>> answer;
        synchronized (lock) {
            Optional<String> waiting = lines.poll();
            if (waiting != null) {
                if (waiting.isEmpty()) {
                    lines.add(END);
                }
                return waiting;
            }
            if (question != null) {
                throw new IllegalStateException("another question waits for its answer");
            }
            answer = new CompletableFuture<>();
            question = answer;
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        } catch (ExecutionException e) {
            return END;
        } finally {
            synchronized (lock) {
                if (question == answer) {
                    question = null;
                }
            }
        }
    }

    private void readAll() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                deliver(Optional.of(line));
            }
        } catch (IOException e) {
            // an input that cannot be read any more (closed, or this reader interrupted) has ended
        } finally {
            deliver(END);
        }
    }

    private void deliver(Optional<String> line) {
        synchronized (lock) {
            if (question != null) {
                question.complete(line);
                question = null;
                if (line.isPresent()) {
                    return;
                }
            }
            lines.add(line);
        }
    }

    /** Stops waiting for input; the reading thread ends with the input or the program. */
    @Override
    public void close() {
        thread.interrupt();
    }
}
