package dev.fap.report.dashboard;

import dev.fap.core.FapException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the live dashboard listens and how often it updates.
 *
 * <pre>{@code
 * DashboardOptions options = DashboardOptions.defaults().withPort(8080).withInterval(Duration.ofSeconds(1));
 * }</pre>
 *
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param interval pause between two updates
 * @param title    page title
 */
public record DashboardOptions(int port, Duration interval, String title) {
    public DashboardOptions {
        if (port < 0 || port > 65_535) {
            throw FapException.invalidArgument("port must be 0-65535, was " + port, "use 0 to pick a free port");
        }
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 50 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw FapException.invalidArgument("update interval must be between 50 ms and 1 h, was " + interval, "use e.g. Duration.ofSeconds(2)");
        }
        Objects.requireNonNull(title, "title");
    }

    /** A free port, an update every 2 seconds, title "Real-Time Analytics (live)". */
    public static DashboardOptions defaults() {
        return new DashboardOptions(0, Duration.ofSeconds(2), "Real-Time Analytics (live)");
    }

    public DashboardOptions withPort(int port) {
        return new DashboardOptions(port, interval, title);
    }

    public DashboardOptions withInterval(Duration interval) {
        return new DashboardOptions(port, interval, title);
    }

    public DashboardOptions withTitle(String title) {
        return new DashboardOptions(port, interval, title);
    }
}
