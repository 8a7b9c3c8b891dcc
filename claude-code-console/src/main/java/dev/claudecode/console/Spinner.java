package dev.claudecode.console;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** A progress indicator on the terminal while nothing else is printed; silent when not a terminal. */
final class Spinner implements AutoCloseable {

    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintStream out;
    private final AtomicBoolean visible = new AtomicBoolean();
    private volatile Thread thread;

    Spinner(PrintStream out) {
        this.out = out;
    }

    /** Shows the indicator with a label, when the output is a terminal. */
    synchronized void show(String label) {
        if (System.console() == null || thread != null) {
            return;
        }
        visible.set(true);
        thread = Thread.ofVirtual().name("spinner").start(() -> {
            int frame = 0;
            while (visible.get()) {
                synchronized (out) {
                    if (visible.get()) {
                        out.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + label);
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
    synchronized void hide() {
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
