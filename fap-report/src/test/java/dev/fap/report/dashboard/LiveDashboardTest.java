package dev.fap.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fap.core.FapException;
import dev.fap.report.browser.BrowserExtension;
import dev.fap.report.browser.Chromium;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.Kpi;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Layout;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BrowserExtension.class)
class LiveDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A feed whose numbers grow by a known amount per frame. */
    static final class CountingFeed implements LiveFeed {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public LiveFrame next(long sequence) {
            long count = 100 + 10 * sequence;
            Figure figure = Figure.of(Layout.defaults(), Bar.of(List.of("a", "b", "c"), List.of(count, count / 2, sequence)));
            return LiveFrame.of(sequence, List.of(Kpi.of("Transactions", Long.toString(count)).withDetail("frame " + sequence)),
                    List.of(ChartSection.of("Counts", figure)), "tick " + sequence);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPageFrameAndGzippedPlotly() throws Exception {
        CountingFeed feed = new CountingFeed();
        try (LiveDashboard dashboard = LiveDashboard.start(feed, DashboardOptions.defaults().withInterval(Duration.ofHours(1)))) {
            assertThat(dashboard.uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> page = get(dashboard.uri());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-events=\"/events\"").contains("<script src=\"/plotly.js\">")
                    .doesNotContain("id=\"fap-plotly\"").contains(">100<");
            assertThat(page.body().length()).isLessThan(100_000);

            JsonNode frame = JSON.readTree(get(dashboard.uri().resolve("/frame.json")).body());
            assertThat(frame.get("sequence").asLong()).isZero();
            assertThat(frame.get("kpis").get(0).get("value").asText()).isEqualTo("100");
            assertThat(frame.get("charts").get(0).get("data").get(0).get("y").toString()).isEqualTo("[100,50,0]");

            HttpResponse<InputStream> js = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/plotly.js")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(js.headers().firstValue("Content-Encoding")).hasValue("gzip");
            try (InputStream in = new GZIPInputStream(js.body())) {
                assertThat(new String(in.readNBytes(200), StandardCharsets.UTF_8)).contains("plotly.js v3.3.1");
            }
            assertThat(get(dashboard.uri().resolve("/nothing-here")).statusCode()).isEqualTo(404);
        }
        assertThat(feed.closed).isTrue();
    }

    @Test
    void streamsFramesAsServerSentEventsAndEndsThemOnClose() throws Exception {
        CountingFeed feed = new CountingFeed();
        LiveDashboard dashboard = LiveDashboard.start(feed, DashboardOptions.defaults().withInterval(Duration.ofMillis(100)));
        List<Long> sequences = new ArrayList<>();
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            String line;
            while (sequences.size() < 4 && (line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    sequences.add(JSON.readTree(line.substring(6)).get("sequence").asLong());
                }
            }
            dashboard.close();
            List<String> rest = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                rest.add(line);
            }
            assertThat(rest).contains("event: closed");
        }
        assertThat(sequences).hasSize(4).isSorted();
        assertThat(sequences.get(3)).isGreaterThan(sequences.get(0));
        assertThat(dashboard.updates()).isGreaterThanOrEqualTo(3);
        assertThat(feed.closed).isTrue();
        assertThatThrownBy(() -> get(dashboard.uri())).isInstanceOf(ConnectException.class);
        dashboard.close(); // idempotent
    }

    @Test
    void aFailingUpdateKeepsTheLastFrameAndTheServerRunning() throws Exception {
        LiveFeed flaky = new LiveFeed() {
            @Override
            public LiveFrame next(long sequence) {
                if (sequence > 0) {
                    throw new IllegalStateException("database went away");
                }
                return new CountingFeed().next(0);
            }
        };
        try (LiveDashboard dashboard = LiveDashboard.start(flaky, DashboardOptions.defaults().withInterval(Duration.ofMillis(50)))) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (dashboard.failedUpdates() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(dashboard.failedUpdates()).isGreaterThanOrEqualTo(2);
            assertThat(dashboard.lastFrame().sequence()).isZero();
            assertThat(get(dashboard.uri().resolve("/frame.json")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> DashboardOptions.defaults().withPort(70_000)).isInstanceOf(FapException.class);
        assertThatThrownBy(() -> DashboardOptions.defaults().withInterval(Duration.ofMillis(1))).isInstanceOf(FapException.class);
    }

    @Test
    void thePageUpdatesItsNumbersWithoutReloading(Chromium browser) throws Exception {
        try (LiveDashboard dashboard = LiveDashboard.start(new CountingFeed(), DashboardOptions.defaults().withInterval(Duration.ofMillis(300)));
                Chromium.Page page = browser.open(dashboard.uri().toString(), 1280, 900)) {
            LiveDashboardAssertions.assertLiveUpdates(page, dashboard);
        }
    }
}
