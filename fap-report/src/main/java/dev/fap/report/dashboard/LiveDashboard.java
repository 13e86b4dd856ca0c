package dev.fap.report.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.HtmlReport;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.PlotlyBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard: a small HTTP server on 127.0.0.1 (the JDK's built-in server) that asks a
 * {@link LiveFeed} for a new {@link LiveFrame} at a fixed interval and pushes each one to every open
 * page as a server-sent event; the page updates its numbers and charts in place.
 *
 * <pre>{@code
 * try (LiveDashboard dashboard = LiveDashboard.start(GeneratorFeed.continuing(db, generator), DashboardOptions.defaults())) {
 *     System.out.println("Live dashboard at " + dashboard.uri());
 *     Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close)); // Ctrl-C stops it cleanly
 *     dashboard.awaitClose();
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code /} the page, {@code /events} the event stream ({@code frame} events, a
 * {@code closed} event on shutdown), {@code /frame.json} the latest frame, {@code /plotly.js} the
 * gzipped plotly.js bundle. Thread-safe; {@link #close()} is idempotent.
 */
public final class LiveDashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);
    private static final String CLOSE = "\u0000close";
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final LiveFeed feed;
    private final DashboardOptions options;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService ticker;
    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final byte[] page;
    private volatile LiveFrame last;
    private volatile String lastJson;

    private LiveDashboard(LiveFeed feed, DashboardOptions options, LiveFrame first) throws IOException {
        this.feed = feed;
        this.options = options;
        this.last = first;
        this.lastJson = first.toJson();
        this.page = page(options, first).getBytes(StandardCharsets.UTF_8);
        this.handlers = Executors.newCachedThreadPool(daemon("fap-dashboard-http"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("fap-dashboard-feed"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::serveIndex);
        server.createContext("/events", this::serveEvents);
        server.createContext("/frame.json", this::serveFrame);
        server.createContext("/plotly.js", this::servePlotly);
    }

    /**
     * Asks the feed for its first frame, starts the server and the updates.
     *
     * @throws FapException IO_ERROR when the port cannot be bound; whatever the feed throws for the first frame
     */
    public static LiveDashboard start(LiveFeed feed, DashboardOptions options) {
        LiveFrame first = feed.next(0);
        LiveDashboard dashboard;
        try {
            dashboard = new LiveDashboard(feed, options, first);
        } catch (IOException e) {
            feed.close();
            throw new FapException(ErrorCode.IO_ERROR, "cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(),
                    "choose another port or pass 0 to pick a free one", e);
        }
        dashboard.server.start();
        long millis = options.interval().toMillis();
        dashboard.ticker.scheduleWithFixedDelay(dashboard::tick, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("live dashboard at {}", dashboard.uri());
        return dashboard;
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The frame currently shown. */
    public LiveFrame lastFrame() {
        return last;
    }

    /** Frames published after the first one. */
    public long updates() {
        return published.get();
    }

    /** Updates that failed (the page keeps the previous frame and shows the error). */
    public long failedUpdates() {
        return failures.get();
    }

    /** Pages currently connected to the event stream. */
    public int connectedClients() {
        return clients.size();
    }

    /** Blocks until {@link #close()} was called (e.g. by a shutdown hook on Ctrl-C). */
    public void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    /** Stops the updates, ends every event stream, stops the server and closes the feed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(q -> q.offer(CLOSE));
        server.stop(1);
        handlers.shutdownNow();
        try {
            feed.close();
        } finally {
            closedLatch.countDown();
            LOG.info("live dashboard stopped after {} updates", published.get());
        }
    }

    @Override
    public String toString() {
        return "LiveDashboard[" + (closed.get() ? "closed" : uri()) + ", updates=" + published.get() + ", failed=" + failures.get()
                + ", clients=" + clients.size() + "]";
    }

    private void tick() {
        if (closed.get()) {
            return;
        }
        try {
            LiveFrame frame = feed.next(last.sequence() + 1);
            if (frame.charts().size() != last.charts().size()) {
                throw new FapException(ErrorCode.INTERNAL, "live frame has " + frame.charts().size() + " charts, the page has "
                        + last.charts().size(), "keep the number of charts of a live feed constant");
            }
            last = frame;
            lastJson = frame.toJson();
            published.incrementAndGet();
            broadcast(lastJson);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("live dashboard update failed: {}", e.getMessage());
            LiveFrame stale = new LiveFrame(last.sequence(), last.kpis(), last.charts(), "update failed: " + e.getMessage());
            broadcast(stale.toJson());
        }
    }

    private void broadcast(String json) {
        for (BlockingQueue<String> client : clients) {
            client.offer(json);
        }
    }

    private void serveIndex(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", page);
        }
    }

    private void serveFrame(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, "application/json", lastJson.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void servePlotly(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] gz = PlotlyBundle.get().gzipped();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
            send(exchange, 200, "application/javascript; charset=utf-8", gz);
        }
    }

    private void serveEvents(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        queue.offer(lastJson);
        clients.add(queue);
        if (closed.get()) {
            queue.offer(CLOSE);
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String json = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (json == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (json.equals(CLOSE)) {
                    out.write("event: closed\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                } else {
                    out.write(("event: frame\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException | InterruptedException disconnected) {
            // the page went away or the server is stopping
        } finally {
            clients.remove(queue);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String page(DashboardOptions options, LiveFrame first) {
        HtmlReport report = HtmlReport.titled(options.title()).withQuestion("What's happening now?")
                .withEyebrow("FAP live dashboard").withPlotlyFrom("/plotly.js").withEventSource("/events");
        for (Kpi kpi : first.kpis()) {
            report = report.withKpi(kpi);
        }
        for (ChartSection section : first.charts()) {
            report = report.withSection(section);
        }
        return report.withFootnote("Numbers and charts update in place as new transactions stream into bronze.").render();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
