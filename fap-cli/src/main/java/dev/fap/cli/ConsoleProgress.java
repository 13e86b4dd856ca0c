package dev.fap.cli;

import dev.fap.core.ProgressListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress on stderr: on a terminal a live bar for the step that moved last; everywhere one line per
 * finished step with its rows and time — the whole steps ({@code build}, {@code test}) always, their
 * parts ({@code build:dim_customer}, {@code test:...}) with {@code --verbose}. Thread-safe (steps run
 * in parallel).
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
    private final boolean details;
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private long lastDraw;
    private boolean barShown;

    ConsoleProgress(PrintWriter err, boolean live, boolean details) {
        this.err = err;
        this.live = live;
        this.details = details;
    }

    /** Live bars only when stderr is a terminal; parts of steps listed when {@code cli} is verbose. */
    static ConsoleProgress of(FapCli cli) {
        return new ConsoleProgress(cli.err(), System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")), cli.verbose());
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
        boolean part = step.indexOf(':') >= 0;
        if (part && !details) {
            return;
        }
        if (barShown) {
            err.print("\r\u001b[K");
            barShown = false;
        }
        err.printf("  ok  %-48s %,12d  %7.1f s%n", step, rows, millis / 1000.0);
        err.flush();
    }
}
