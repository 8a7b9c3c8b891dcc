package dev.claudecode.console.terminal;

import java.io.Console;
import java.lang.reflect.Method;

/** Facts about the terminal the program runs in. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * Whether a person sees the output live on a terminal, as opposed to a pipe or a file. From Java 22
     * on {@link System#console()} is present even when the output is redirected, so its {@code
     * isTerminal()} decides where it exists.
     *
     * @return whether the standard streams are a terminal
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
