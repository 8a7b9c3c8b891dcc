package dev.claudecode.console.terminal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What Ctrl-C does in {@code chat}, as in Claude Code: while a turn runs it interrupts the turn;
 * pressed again soon after, or twice when no turn runs, it quits. A single press with nothing
 * running says how to quit.
 */
public final class CtrlC {

    /** How soon a second press must follow to quit. */
    public static final Duration AGAIN = Duration.ofSeconds(2);

    private final BooleanSupplier busy;
    private final Runnable interrupt;
    private final Runnable quit;
    private final Consumer<String> say;
    private final LongSupplier nanoTime;
    private long lastPress;
    private boolean pressed;

    /**
     * @param busy whether a turn runs or waits
     * @param interrupt interrupts the running turn; called on a thread of its own
     * @param quit ends the chat
     * @param say shows what the key did, on a line of its own
     * @param nanoTime the clock
     */
    public CtrlC(BooleanSupplier busy, Runnable interrupt, Runnable quit, Consumer<String> say, LongSupplier nanoTime) {
        this.busy = busy;
        this.interrupt = interrupt;
        this.quit = quit;
        this.say = say;
        this.nanoTime = nanoTime;
    }

    /** The key was pressed. */
    public synchronized void pressed() {
        long now = nanoTime.getAsLong();
        boolean soonAgain = pressed && now - lastPress < AGAIN.toNanos();
        pressed = true;
        lastPress = now;
        if (soonAgain) {
            quit.run();
        } else if (busy.getAsBoolean()) {
            say.accept("· Ctrl-C: interrupting the turn (press it again to quit)");
            Thread.ofVirtual().name("chat-ctrl-c").start(interrupt);
        } else {
            say.accept("· press Ctrl-C again to quit");
        }
    }

    /**
     * Routes the terminal's Ctrl-C (SIGINT) here instead of ending the program.
     *
     * @return whether the handler could be installed (it cannot where the JVM does not offer signals)
     */
    public boolean install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> pressed());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }
}
