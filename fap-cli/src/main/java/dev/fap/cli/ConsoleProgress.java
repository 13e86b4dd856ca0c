package dev.fap.cli;

import dev.fap.core.ProgressListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress on stderr: on a terminal a live bar for the step that moved last; everywhere one line per
 * finished step with its rows and time. Thread-safe (steps run in parallel).
 *
 * <pre>{@code
 *   generate:transactions  [##########----------]  50%  25,000 / 50,000
 *   ok  generate:transactions        50,000 rows     1.2 s
 * }</pre>
 */
final class ConsoleProgress implements ProgressListener {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private long lastDraw;
    private boolean barShown;

    ConsoleProgress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    /** Live bars only when stderr is a terminal. */
    static ConsoleProgress on(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void stepStarted(String step, long expectedTotal) {
        if (expectedTotal > 0) {
            expected.put(step, expectedTotal);
        }
    }

    @Override
    public synchronized void progress(String step, long done) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        Long total = expected.get(step);
        String line;
        if (total != null) {
            double f = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(f * BAR);
            line = String.format("  %-28s [%s%s] %3d%%  %,d / %,d", step, "#".repeat(filled), "-".repeat(BAR - filled),
                    Math.round(f * 100), done, total);
        } else {
            line = String.format("  %-28s %,d", step, done);
        }
        err.print("\r" + line + "\u001b[K");
        err.flush();
        barShown = true;
    }

    @Override
    public synchronized void stepFinished(String step, long rows, long millis) {
        expected.remove(step);
        if (barShown) {
            err.print("\r\u001b[K");
            barShown = false;
        }
        err.printf("  ok  %-32s %,12d  %7.1f s%n", step, rows, millis / 1000.0);
        err.flush();
    }
}
