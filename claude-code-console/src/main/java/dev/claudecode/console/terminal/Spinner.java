package dev.claudecode.console.terminal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** A progress indicator on the terminal while nothing else is printed; silent when not a terminal. */
public final class Spinner implements AutoCloseable {

    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintStream out;
    private final boolean enabled;
    private final AtomicBoolean visible = new AtomicBoolean();
    private volatile String label = "";
    private volatile Thread thread;

    /**
     * A spinner that shows only when the program runs on a terminal.
     *
     * @param out where to draw it, usually standard error
     */
    public Spinner(PrintStream out) {
        this(out, Terminal.isInteractive());
    }

    /**
     * @param out where to draw it
     * @param enabled whether to draw at all
     */
    public Spinner(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /**
     * Shows the indicator with a label, or changes the label of the one shown.
     *
     * @param text the label, such as {@code thinking…}
     */
    public synchronized void show(String text) {
        label = text;
        if (!enabled || thread != null) {
            return;
        }
        visible.set(true);
        thread = Thread.ofVirtual().name("spinner").start(() -> {
            int frame = 0;
            while (visible.get()) {
                synchronized (out) {
                    if (visible.get()) {
                        out.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + label + "\033[K");
                        out.flush();
                    }
                }
                try {
                    Thread.sleep(80);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Removes the indicator so that other output can follow. */
    public synchronized void hide() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        visible.set(false);
        running.interrupt();
        thread = null;
        synchronized (out) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    @Override
    public void close() {
        hide();
    }
}
