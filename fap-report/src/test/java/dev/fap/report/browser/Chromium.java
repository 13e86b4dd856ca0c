package dev.fap.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol (JDK WebSocket + Jackson): one browser
 * process serves every test of the JVM, each page gets its own tab.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The browser executable: {@code FAP_CHROMIUM} or a standard Debian/Ubuntu location. */
    public static Optional<Path> locate() {
        String configured = System.getenv("FAP_CHROMIUM");
        Stream<String> candidates = configured == null ? CANDIDATES.stream() : Stream.concat(Stream.of(configured), CANDIDATES.stream());
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts a headless browser with a fresh profile and connects to it. */
    public static Chromium launch(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("fap-chromium-");
        List<String> command = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                lines = Files.readAllLines(portFile);
                if (lines.size() >= 2) {
                    break;
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        if (lines.size() < 2) {
            process.destroyForcibly();
            throw new IOException("chromium did not open its DevTools port within 30 s");
        }
        URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        Chromium[] self = new Chromium[1];
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder buffer = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        buffer.append(data);
                        if (last) {
                            String text = buffer.toString();
                            buffer.setLength(0);
                            self[0].dispatch(text);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
        self[0] = new Chromium(process, profile, socket);
        return self[0];
    }

    private void dispatch(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(message.get("id").asLong());
                if (future != null) {
                    if (message.has("error")) {
                        future.completeExceptionally(new IOException("CDP error: " + message.get("error")));
                    } else {
                        future.complete(message.get("result"));
                    }
                }
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("bad CDP message", e);
        }
    }

    JsonNode send(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        socket.sendText(message.toString(), true).join();
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** Opens a new tab of the given size and navigates it to {@code url}. */
    public Page open(String url, int width, int height) {
        String targetId = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true)).get("sessionId").asText();
        Page page = new Page(targetId, session);
        send(session, "Runtime.enable", Map.of());
        send(session, "Page.enable", Map.of());
        send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        send(session, "Page.navigate", Map.of("url", url));
        return page;
    }

    /** One browser tab. */
    public final class Page implements AutoCloseable {
        private final String targetId;
        private final String session;

        private Page(String targetId, String session) {
            this.targetId = targetId;
            this.session = session;
        }

        /** Evaluates a JavaScript expression (awaiting promises) and returns its JSON value. */
        public JsonNode evaluate(String expression) {
            JsonNode result = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
            }
            JsonNode value = result.path("result").get("value");
            return value == null ? JSON.nullNode() : value;
        }

        /** Polls {@code expression} until {@code done} accepts its value; returns the last value. */
        public JsonNode waitFor(String expression, Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode value = JSON.nullNode();
            while (System.nanoTime() < deadline) {
                try {
                    value = evaluate(expression);
                    if (done.test(value)) {
                        return value;
                    }
                } catch (IllegalStateException navigating) {
                    value = JSON.nullNode();
                }
                Thread.sleep(100);
            }
            return value;
        }

        /** JavaScript exceptions the browser reported for this tab (besides what the page recorded). */
        public List<String> exceptions() {
            List<String> out = new ArrayList<>();
            for (JsonNode event : events) {
                if (session.equals(event.path("sessionId").asText()) && "Runtime.exceptionThrown".equals(event.path("method").asText())) {
                    out.add(event.path("params").path("exceptionDetails").toString());
                }
            }
            return out;
        }

        /** Console messages of level error reported for this tab. */
        public List<String> consoleErrors() {
            List<String> out = new ArrayList<>();
            for (JsonNode event : events) {
                if (session.equals(event.path("sessionId").asText()) && "Runtime.consoleAPICalled".equals(event.path("method").asText())
                        && "error".equals(event.path("params").path("type").asText())) {
                    out.add(event.path("params").path("args").toString());
                }
            }
            return out;
        }

        /** A PNG of the whole page. */
        public void screenshot(Path file) throws IOException {
            JsonNode shot = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        }

        @Override
        public void close() {
            send(null, "Target.closeTarget", Map.of("targetId", targetId));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send(null, "Browser.close", Map.of());
        } catch (IllegalStateException ignored) {
            // the browser may already be gone
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
