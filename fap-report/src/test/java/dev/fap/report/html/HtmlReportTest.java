package dev.fap.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.FapException;
import dev.fap.report.browser.BrowserExtension;
import dev.fap.report.browser.Chromium;
import dev.fap.report.browser.RenderedPage;
import dev.fap.report.plotly.Bar;
import dev.fap.report.plotly.Box;
import dev.fap.report.plotly.Figure;
import dev.fap.report.plotly.Funnel;
import dev.fap.report.plotly.Heatmap;
import dev.fap.report.plotly.Histogram;
import dev.fap.report.plotly.Indicator;
import dev.fap.report.plotly.Layout;
import dev.fap.report.plotly.MeasureKind;
import dev.fap.report.plotly.Pie;
import dev.fap.report.plotly.Sankey;
import dev.fap.report.plotly.Scatter;
import dev.fap.report.plotly.Sunburst;
import dev.fap.report.plotly.Treemap;
import dev.fap.report.plotly.Waterfall;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(BrowserExtension.class)
class HtmlReportTest {

    static HtmlReport everyTraceType() {
        List<Figure> figures = List.of(
                Figure.of(Layout.defaults(), Bar.of(List.of("a", "b"), List.of(1, 2))),
                Figure.of(Layout.defaults(), Scatter.line(List.of("2024-01", "2024-02"), List.of(3, 4))),
                Figure.of(Layout.defaults(), Pie.of(List.of("a", "b"), List.of(1, 2)).withHole(0.4)),
                Figure.of(Layout.defaults(), Histogram.of(List.of(1, 2, 2, 3, 3, 3))),
                Figure.of(Layout.defaults(), Box.of(List.of(1, 2, 3, 4, 50))),
                Figure.of(Layout.defaults(), Heatmap.of(List.of("x1", "x2"), List.of("y1", "y2"), List.of(List.of(1, 2), List.of(3, 4)))),
                Figure.of(Layout.defaults(), Treemap.of(List.of("r", "r/a", "r/b"), List.of("R", "A", "B"), List.of("", "r", "r"), List.of(0, 3, 4))),
                Figure.of(Layout.defaults(), Sunburst.of(List.of("r", "r/a", "r/b"), List.of("R", "A", "B"), List.of("", "r", "r"), List.of(0, 3, 4))),
                Figure.of(Layout.defaults(), Indicator.gauge(0.3, 0, 1).withTitle("Rate")),
                Figure.of(Layout.defaults(), Waterfall.of(List.of("start", "gain", "end"), List.of(10, 5, 0),
                        List.of(MeasureKind.ABSOLUTE, MeasureKind.RELATIVE, MeasureKind.TOTAL))),
                Figure.of(Layout.defaults(), Funnel.of(List.of("seen", "clicked", "bought"), List.of(100, 20, 5))),
                Figure.of(Layout.defaults(), Sankey.of(List.of("a", "b", "c"), List.of(0, 0), List.of(1, 2), List.of(3, 4))));
        HtmlReport report = HtmlReport.titled("Every <trace> type").withQuestion("Does it draw?").withKpi(Kpi.of("Charts", "12"))
                .withGeneratedAt(Instant.parse("2026-11-24T05:00:00Z")).withIndexLink("index.html");
        for (Figure figure : figures) {
            report = report.withSection(ChartSection.of(figure.traces().get(0).type(), figure)
                    .withMethod("test").withSampleSize(6).withPValue("chi-square", 0.0123));
        }
        return report;
    }

    @Test
    void renderingIsDeterministicSelfContainedAndSmall() {
        HtmlReport report = everyTraceType();
        String html = report.render();
        assertThat(html).isEqualTo(everyTraceType().render());
        assertThat(html.length()).isLessThan(5_000_000);
        assertThat(html).doesNotContain("cdn.").doesNotContain("<script src=").contains("id=\"fap-plotly\"")
                .contains("Every &lt;trace&gt; type").contains("n = 6").contains("p = 0.0123").contains("2026-11-24 05:00 UTC");
        assertThat(report.chartCount()).isEqualTo(12);
    }

    @Test
    void theWrittenFileIsTheRenderedDocumentInUtf8(@TempDir Path dir) throws Exception {
        // the text holds characters beyond Latin-1, so the file is written in parts around the plotly.js payload
        HtmlReport report = everyTraceType().withKpi(Kpi.of("Volume \u2014 net", "\u20ac 1,234 \u2265 \u03c3"));
        ReportFile file = report.writeTo(dir.resolve("r.html"));
        byte[] written = Files.readAllBytes(file.path());
        byte[] rendered = report.render().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(rendered);
        assertThat(file.bytes()).isEqualTo(rendered.length);
        assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8)).contains("\u20ac 1,234 \u2265 \u03c3");
        // a linked plotly.js: the document is written whole
        HtmlReport linked = report.withPlotlyFrom("plotly.min.js");
        assertThat(Files.readAllBytes(linked.writeTo(dir.resolve("l.html")).path()))
                .isEqualTo(linked.render().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void pValuesAreFormattedAndChecked() {
        assertThat(PValue.of("t", 0.05).formatted()).isEqualTo("p = 0.05");
        assertThat(PValue.of("t", 0.00031).formatted()).isEqualTo("p = 3.1e-4");
        assertThat(PValue.of("t", 0.0).formatted()).isEqualTo("p < 1e-16");
        assertThat(PValue.of("t", 1.0).formatted()).isEqualTo("p = 1.0");
        assertThatThrownBy(() -> PValue.of("t", 1.5)).isInstanceOf(FapException.class);
        assertThat(PValue.of("t", Double.NaN).formatted()).isEqualTo("p = n/a");
        assertThat(PValue.of("t", Double.NaN).significantAt(0.05)).isFalse();
        assertThatThrownBy(() -> PValue.of("t", -0.1)).isInstanceOf(FapException.class);
    }

    @Test
    void everyTraceTypeDrawsInChromium(Chromium browser, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("every.html");
        ReportFile written = everyTraceType().writeTo(file);
        assertThat(written.charts()).isEqualTo(12);
        assertThat(Files.size(file)).isEqualTo(written.bytes());

        RenderedPage page = RenderedPage.render(browser, file, RenderedPage.screenshotFile("every-trace-type.png"));

        assertThat(page.errors()).isEmpty();
        assertThat(page.state()).isEqualTo("done");
        assertThat(page.chartDivs()).isEqualTo(12);
        assertThat(page.drawnCharts()).isEqualTo(12);
    }

    @Test
    void everyChartHasPngAndSvgExportInItsToolbar(Chromium browser, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.html");
        everyTraceType().writeTo(file);
        try (Chromium.Page page = browser.open(file.toUri().toString(), 1400, 900)) {
            page.waitFor("document.getElementById('fap-status').dataset.state", v -> !v.asText().equals("loading"), Duration.ofSeconds(60));
            assertThat(page.evaluate("document.querySelectorAll('.modebar-btn[data-title=\"Download plot as SVG\"]').length").asInt()).isEqualTo(12);
            assertThat(page.evaluate("Array.from(document.querySelectorAll('.modebar-btn'))"
                    + ".filter(b => (b.getAttribute('data-title') || '').toLowerCase() === 'download plot as a png').length").asInt()).isEqualTo(12);
            JsonNode svg = page.evaluate("Promise.all(Array.from(document.querySelectorAll('.chart[data-figure]')).map("
                    + "d => Plotly.toImage(d, {format: 'svg', width: 600, height: 400}))).then(urls => urls.map(u => u.slice(0, 25)))");
            assertThat(svg).hasSize(12).allSatisfy(u -> assertThat(u.asText()).isEqualTo("data:image/svg+xml,%3Csvg"));
            assertThat(page.exceptions()).isEmpty();
        }
    }
}
