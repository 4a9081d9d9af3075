package dev.mamori.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * A one-line progress indicator on standard error that rewrites itself ({@code \r}), for long work on a terminal.
 * On a pipe or a file it prints nothing. On a terminal ({@code auto}) a phase shows once it has run for half a
 * second, or at once when it is known to be long (an SBOM of more than 500 components, a big advisory set);
 * {@code always} shows every phase at once, terminal or not. Updates are throttled to ten a second;
 * {@link #clear()} wipes the line.
 */
final class Progress {
    /** When to show progress. */
    enum Mode { auto, always, never }

    private static final long SHOW_AFTER_NANOS = 500_000_000L;
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean eager;
    private long phaseStart = System.nanoTime();
    private long lastPrint;
    private int width;

    Progress(PrintWriter err, boolean enabled, boolean eager) {
        this.err = err;
        this.enabled = enabled;
        this.eager = eager;
    }

    static Progress of(PrintWriter err, Mode mode) {
        return switch (mode) {
            case always -> new Progress(err, true, true);
            case never -> new Progress(err, false, false);
            case auto -> new Progress(err, isTerminal(), false);
        };
    }

    /**
     * Whether the JVM runs on a terminal: {@link System#console()} is non-null and, on JDK 22 and later (where a
     * console also exists when the streams are redirected), {@code Console.isTerminal()} says so.
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Starts a new phase of work. */
    void phase(String text, boolean long_) {
        phaseStart = System.nanoTime();
        lastPrint = 0;
        if (long_ || eager) {
            print(text);
        }
    }

    /** Reports progress in the current phase (printed only once the phase is long, and throttled). */
    void update(String text) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!eager && now - phaseStart < SHOW_AFTER_NANOS || now - lastPrint < EVERY_NANOS) {
            return;
        }
        print(text);
    }

    private void print(String text) {
        if (!enabled) {
            return;
        }
        lastPrint = System.nanoTime();
        String line = "mamori: " + text;
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Wipes the progress line, if one was printed. */
    void clear() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
