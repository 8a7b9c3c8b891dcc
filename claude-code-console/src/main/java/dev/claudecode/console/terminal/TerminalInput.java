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
 * With piped input, a line that arrived before the question and that the command loop has not
 * taken yet answers it too, so that the line after a prompt answers that prompt's questions; a
 * person at a terminal answers only with a line typed after the question was shown.
 */
public final class TerminalInput implements AutoCloseable {

    private static final Optional<String> END = Optional.empty();

    private final BufferedReader reader;
    // END, once the input ended, is always the last element and is never taken away for good
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private CompletableFuture<Optional<String>> question;
    private final boolean piped;
    private final Thread thread;

    /**
     * Starts reading what a person types at a terminal.
     *
     * @param in what the person types, usually standard input
     * @param charset its encoding
     */
    public TerminalInput(InputStream in, Charset charset) {
        this(in, charset, false);
    }

    /**
     * Starts reading.
     *
     * @param in the input, usually standard input
     * @param charset its encoding
     * @param piped whether the input is piped in rather than typed, so that lines read ahead answer questions
     */
    public TerminalInput(InputStream in, Charset charset, boolean piped) {
        this.reader = new BufferedReader(new InputStreamReader(in, charset));
        this.piped = piped;
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
     * Waits for the answer to a question: the next line typed, or with piped input the oldest line
     * not taken yet. At the end of the input there is no answer.
     *
     * @return the answer; empty when the input ended or the waiting thread was interrupted (its
     *     interrupt flag is then set again)
     * @throws IllegalStateException when another question waits for its answer
     */
    public Optional<String> answer() {
        CompletableFuture<Optional<String>> answer;
        synchronized (lock) {
            if (lines.contains(END)) {
                return piped ? takeAhead() : END;
            }
            if (piped && !lines.isEmpty()) {
                return takeAhead();
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

    /** @return how many lines (and the end of the input, once reached) wait for the command loop */
    int linesWaiting() {
        return lines.size();
    }

    private Optional<String> takeAhead() {
        Optional<String> line = lines.remove();
        if (line.isEmpty()) {
            lines.add(END);
        }
        return line;
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
