package dev.fap.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report page said about itself once drawn: its {@code fap-status} JSON plus the exceptions
 * the browser saw.
 *
 * @param state      {@code done}, {@code failed} or {@code loading} (timed out)
 * @param charts     per chart: id, traces, points per trace, drawn
 * @param errors     errors the page recorded and exceptions the browser reported
 * @param chartDivs  the number of chart containers in the DOM
 */
public record RenderedPage(String state, List<JsonNode> charts, List<String> errors, int chartDivs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens {@code file} in a new tab, waits until the page reports its state and closes the tab. */
    public static RenderedPage render(Chromium browser, Path file, Path screenshot) throws IOException, InterruptedException {
        try (Chromium.Page page = browser.open(file.toUri().toString(), 1400, 900)) {
            JsonNode status = page.waitFor("(function(){var s=document.getElementById('fap-status');"
                    + "return s && s.dataset.state !== 'loading' ? s.textContent : null;})()",
                    v -> v.isTextual(), Duration.ofSeconds(60));
            int divs = page.evaluate("document.querySelectorAll('.chart[data-figure]').length").asInt();
            if (screenshot != null) {
                java.nio.file.Files.createDirectories(screenshot.toAbsolutePath().getParent());
                page.screenshot(screenshot);
            }
            List<String> errors = new ArrayList<>(page.exceptions());
            errors.addAll(page.consoleErrors());
            if (!status.isTextual()) {
                errors.add("page did not finish drawing within 60 s");
                return new RenderedPage("loading", List.of(), errors, divs);
            }
            JsonNode parsed = JSON.readTree(status.asText());
            parsed.path("errors").forEach(e -> errors.add(e.asText()));
            List<JsonNode> charts = new ArrayList<>();
            parsed.path("charts").forEach(charts::add);
            return new RenderedPage(parsed.path("state").asText(), charts, errors, divs);
        }
    }

    /**
     * Where to save a screenshot for a human to look at: {@code <fap.screenshotDir>/name}, or
     * {@code null} (no screenshot) when that system property is not set.
     */
    public static Path screenshotFile(String name) {
        String dir = System.getProperty("fap.screenshotDir");
        return dir == null || dir.isBlank() ? null : Path.of(dir).resolve(name);
    }

    /** Charts Plotly drew with at least one computed point in every trace. */
    public long drawnCharts() {
        return charts.stream().filter(c -> c.path("drawn").asBoolean()).count();
    }
}
