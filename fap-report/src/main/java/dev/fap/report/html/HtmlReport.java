package dev.fap.report.html;

import dev.fap.report.internal.ChartTheme;
import dev.fap.report.internal.Html;
import dev.fap.report.internal.PlotlyBundle;
import dev.fap.report.internal.ReportFiles;
import dev.fap.report.internal.Resources;
import dev.fap.report.plotly.PlotlyJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A self-contained interactive HTML report: a KPI header and one section per chart, each with its
 * method, sample size and p-values. plotly.js is embedded (gzipped, from the
 * {@code org.webjars.npm:plotly.js-dist} jar) so the file works offline; charts are responsive and
 * export to PNG and SVG from their toolbar.
 *
 * <pre>{@code
 * HtmlReport report = HtmlReport.titled("Descriptive Analytics")
 *         .withQuestion("What happened?")
 *         .withKpi(Kpi.of("Customers", "1,000"))
 *         .withSection(ChartSection.of("Monthly volume", figure).withSampleSize(52_113));
 * ReportFile file = report.writeTo(Path.of("reports/01_descriptive_analytics.html"));
 * }</pre>
 *
 * <p>The rendered page reports its own health in {@code <output id="fap-status">}: once every
 * chart is drawn its {@code data-state} is {@code done} and its text a JSON object with, per chart,
 * the number of traces and of points Plotly computed, plus every JavaScript error seen.
 */
public final class HtmlReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String title;
    private final String question;
    private final String eyebrow;
    private final List<Kpi> kpis;
    private final List<ChartSection> sections;
    private final Instant generatedAt;
    private final String indexLink;
    private final List<String> footnotes;
    private final List<String> notices;
    private final String plotlySource;
    private final String eventSource;

    private HtmlReport(String title, String question, String eyebrow, List<Kpi> kpis, List<ChartSection> sections,
            Instant generatedAt, String indexLink, List<String> footnotes, List<String> notices, String plotlySource,
            String eventSource) {
        this.title = title;
        this.question = question;
        this.eyebrow = eyebrow;
        this.kpis = List.copyOf(kpis);
        this.sections = List.copyOf(sections);
        this.generatedAt = generatedAt;
        this.indexLink = indexLink;
        this.footnotes = List.copyOf(footnotes);
        this.notices = List.copyOf(notices);
        this.plotlySource = plotlySource;
        this.eventSource = eventSource;
    }

    /** An empty report with a title. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(Objects.requireNonNull(title, "title"), "", "FAP report", List.of(), List.of(), null, "", List.of(), List.of(), "", "");
    }

    /** The question the report answers, shown under the title. */
    public HtmlReport withQuestion(String question) {
        return new HtmlReport(title, Objects.requireNonNull(question), eyebrow, kpis, sections, generatedAt, indexLink, footnotes, notices, plotlySource, eventSource);
    }

    /** The small line above the title, e.g. {@code "Report 1 of 8"}. */
    public HtmlReport withEyebrow(String eyebrow) {
        return new HtmlReport(title, question, Objects.requireNonNull(eyebrow), kpis, sections, generatedAt, indexLink, footnotes, notices, plotlySource, eventSource);
    }

    public HtmlReport withKpi(Kpi kpi) {
        List<Kpi> list = new ArrayList<>(kpis);
        list.add(Objects.requireNonNull(kpi));
        return new HtmlReport(title, question, eyebrow, list, sections, generatedAt, indexLink, footnotes, notices, plotlySource, eventSource);
    }

    public HtmlReport withSection(ChartSection section) {
        List<ChartSection> list = new ArrayList<>(sections);
        list.add(Objects.requireNonNull(section));
        return new HtmlReport(title, question, eyebrow, kpis, list, generatedAt, indexLink, footnotes, notices, plotlySource, eventSource);
    }

    /** The time stamp printed in the header; without one the page prints none (and stays byte-identical). */
    public HtmlReport withGeneratedAt(Instant instant) {
        return new HtmlReport(title, question, eyebrow, kpis, sections, instant, indexLink, footnotes, notices, plotlySource, eventSource);
    }

    /** A relative link back to the report index, e.g. {@code "index.html"}. */
    public HtmlReport withIndexLink(String href) {
        return new HtmlReport(title, question, eyebrow, kpis, sections, generatedAt, Objects.requireNonNull(href), footnotes, notices, plotlySource, eventSource);
    }

    /** A line in the page footer (data source, caveats). */
    public HtmlReport withFootnote(String text) {
        List<String> list = new ArrayList<>(footnotes);
        list.add(Objects.requireNonNull(text));
        return new HtmlReport(title, question, eyebrow, kpis, sections, generatedAt, indexLink, list, notices, plotlySource, eventSource);
    }

    /** A warning shown prominently at the top, e.g. why a section could not be computed. */
    public HtmlReport withNotice(String text) {
        List<String> list = new ArrayList<>(notices);
        list.add(Objects.requireNonNull(text));
        return new HtmlReport(title, question, eyebrow, kpis, sections, generatedAt, indexLink, footnotes, list, plotlySource, eventSource);
    }

    /**
     * Loads plotly.js from {@code src} (e.g. {@code "/plotly.js"} served by {@code LiveDashboard})
     * instead of embedding it; the page is then no longer self-contained.
     */
    public HtmlReport withPlotlyFrom(String src) {
        return new HtmlReport(title, question, eyebrow, kpis, sections, generatedAt, indexLink, footnotes, notices,
                Objects.requireNonNull(src), eventSource);
    }

    /**
     * Makes the page live: it subscribes to the server-sent events at {@code url} and applies every
     * {@code frame} event (KPIs and figures in page order, see {@code LiveFrame}) without reloading.
     */
    public HtmlReport withEventSource(String url) {
        return new HtmlReport(title, question, eyebrow, kpis, sections, generatedAt, indexLink, footnotes, notices,
                plotlySource, Objects.requireNonNull(url));
    }

    public List<String> notices() {
        return notices;
    }

    public String title() {
        return title;
    }

    public String question() {
        return question;
    }

    public List<Kpi> kpis() {
        return kpis;
    }

    public List<ChartSection> sections() {
        return sections;
    }

    /** The number of charts (sections) in the report. */
    public int chartCount() {
        return sections.size();
    }

    /** The complete HTML document. */
    public String render() {
        String[] parts = renderParts();
        return parts.length == 1 ? parts[0] : parts[0] + PlotlyBundle.get().base64Gzip() + parts[1];
    }

    /**
     * The document without the embedded plotly.js: one part (the whole document) when the script is linked, else
     * the text before and after the base64 payload. The payload (2.7 MB of ASCII) is written as bytes between them,
     * so it never passes through the UTF-16 form a String takes once the text holds a character beyond Latin-1
     * (a dash, a euro sign): that copy and the character-by-character UTF-8 encoding of it cost ~0.3 s of CPU
     * over the eight reports of a run.
     */
    private String[] renderParts() {
        PlotlyBundle plotly = PlotlyBundle.get();
        StringBuilder html = new StringBuilder(64_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"FAP fap-report, plotly.js ").append(plotly.version()).append("\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(Resources.text("html/report.css")).append("</style>\n")
                .append(ERROR_CAPTURE)
                .append("</head>\n<body");
        if (!eventSource.isEmpty()) {
            html.append(" data-events=\"").append(Html.escape(eventSource)).append("\"");
        }
        html.append(">\n");
        header(html);
        html.append("<main class=\"wrap\">\n");
        html.append("<div id=\"fap-banner\" class=\"banner\" role=\"alert\"></div>\n");
        for (String notice : notices) {
            html.append("<div class=\"banner show notice\" role=\"status\">").append(Html.escape(notice)).append("</div>\n");
        }
        if (!kpis.isEmpty()) {
            html.append("<section class=\"kpis\" aria-label=\"Key figures\">\n");
            for (Kpi kpi : kpis) {
                html.append("<div class=\"kpi\"><div class=\"kpi-label\">").append(Html.escape(kpi.label()))
                        .append("</div><div class=\"kpi-value\">").append(Html.escape(kpi.value())).append("</div>");
                if (!kpi.detail().isEmpty()) {
                    html.append("<div class=\"kpi-detail\">").append(Html.escape(kpi.detail())).append("</div>");
                }
                html.append("</div>\n");
            }
            html.append("</section>\n");
        }
        List<String> ids = chartIds();
        if (sections.size() > 1) {
            html.append("<nav class=\"toc\" aria-label=\"Charts\">");
            for (int i = 0; i < sections.size(); i++) {
                html.append("<a href=\"#").append(ids.get(i)).append("\">").append(Html.escape(sections.get(i).title())).append("</a>");
            }
            html.append("</nav>\n");
        }
        html.append("<div class=\"charts\">\n");
        for (int i = 0; i < sections.size(); i++) {
            section(html, i + 1, ids.get(i), sections.get(i));
        }
        html.append("</div>\n</main>\n<footer class=\"wrap\">\n");
        for (String note : footnotes) {
            html.append("<p>").append(Html.escape(note)).append("</p>\n");
        }
        html.append("<p>Generated by FAP. Interactive charts by plotly.js ").append(plotly.version()).append(" (MIT licence)")
                .append(plotlySource.isEmpty() ? ", embedded in this file: it works offline." : ".")
                .append(" Use the camera and disk icons of a chart's toolbar to save it as PNG or SVG.</p>\n")
                .append("</footer>\n<output id=\"fap-status\" data-state=\"loading\" hidden></output>\n");
        for (int i = 0; i < sections.size(); i++) {
            html.append("<script type=\"application/json\" id=\"fig-").append(ids.get(i)).append("\">")
                    .append(PlotlyJson.write(ChartTheme.apply(sections.get(i).figure()))).append("</script>\n");
        }
        String before = null;
        if (plotlySource.isEmpty()) {
            html.append("<script type=\"application/octet-stream\" id=\"fap-plotly\">");
            before = html.toString();
            html.setLength(0);
            html.append("</script>\n");
        } else {
            html.append("<script src=\"").append(Html.escape(plotlySource)).append("\"></script>\n");
        }
        html.append("<script>\n").append(Resources.text("html/report.js")).append("</script>\n</body>\n</html>\n");
        return before == null ? new String[] {html.toString()} : new String[] {before, html.toString()};
    }

    /** Renders the report and writes it to {@code file}, creating parent folders. */
    public ReportFile writeTo(Path file) {
        String[] parts = renderParts();
        long bytes = parts.length == 1 ? ReportFiles.write(file, parts[0])
                : ReportFiles.write(file, parts[0].getBytes(StandardCharsets.UTF_8), PlotlyBundle.get().base64GzipAscii(),
                        parts[1].getBytes(StandardCharsets.UTF_8));
        return new ReportFile(file, title, sections.size(), bytes);
    }

    @Override
    public String toString() {
        return "HtmlReport[" + title + ", " + kpis.size() + " KPIs, " + sections.size() + " charts]";
    }

    static final String ERROR_CAPTURE = """
            <script>
            window.__fap = { errors: [] };
            window.addEventListener("error", function (e) { window.__fap.errors.push(String(e.message || e)); });
            window.addEventListener("unhandledrejection", function (e) {
              window.__fap.errors.push("unhandled rejection: " + (e.reason && e.reason.message || e.reason));
            });
            </script>
            """;

    private void header(StringBuilder html) {
        html.append("<header class=\"hero\"><div class=\"wrap\">\n");
        if (!indexLink.isEmpty()) {
            html.append("<nav><a href=\"").append(Html.escape(indexLink)).append("\">&larr; All reports</a></nav>\n");
        }
        html.append("<p class=\"eyebrow\">").append(Html.escape(eyebrow)).append("</p>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        if (!question.isEmpty()) {
            html.append("<p class=\"question\">").append(Html.escape(question)).append("</p>\n");
        }
        html.append("<p class=\"meta\">").append(sections.size()).append(sections.size() == 1 ? " chart" : " charts");
        if (generatedAt != null) {
            html.append(" &middot; generated ").append(STAMP.format(generatedAt));
        }
        if (!eventSource.isEmpty()) {
            html.append(" &middot; <span class=\"live-dot off\" id=\"fap-live-dot\"></span><span id=\"fap-live\">connecting&hellip;</span>");
        }
        html.append("</p>\n</div></header>\n");
    }

    private List<String> chartIds() {
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ChartSection section : sections) {
            String base = Html.slug(section.title());
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        return ids;
    }

    private static void section(StringBuilder html, int number, String id, ChartSection section) {
        html.append("<section class=\"card").append(section.width() == ChartWidth.FULL ? " full" : "").append("\" id=\"")
                .append(id).append("\">\n<h2>").append(number).append(". ").append(Html.escape(section.title())).append("</h2>\n");
        if (!section.description().isEmpty()) {
            html.append("<p class=\"desc\">").append(Html.escape(section.description())).append("</p>\n");
        }
        html.append("<div class=\"chart\" id=\"chart-").append(id).append("\" data-figure=\"fig-").append(id)
                .append("\" data-name=\"").append(id).append("\" style=\"height:").append(ChartTheme.height(section.figure()))
                .append("px\"></div>\n");
        boolean facts = !section.method().isEmpty() || section.sampleSize().isPresent() || !section.pValues().isEmpty()
                || !section.notes().isEmpty();
        if (facts) {
            html.append("<dl class=\"facts\">\n");
            if (!section.method().isEmpty()) {
                html.append("<dt>Method</dt><dd>").append(Html.escape(section.method())).append("</dd>\n");
            }
            if (section.sampleSize().isPresent()) {
                html.append("<dt>Sample size</dt><dd>n = ")
                        .append(String.format(Locale.ROOT, "%,d", section.sampleSize().getAsLong())).append("</dd>\n");
            }
            for (PValue p : section.pValues()) {
                html.append("<dt>p-value</dt><dd><span class=\"").append(p.significantAt(0.05) ? "sig" : "nsig").append("\">")
                        .append(Html.escape(p.formatted())).append("</span> &middot; ").append(Html.escape(p.test())).append("</dd>\n");
            }
            for (String note : section.notes()) {
                html.append("<dt>Note</dt><dd>").append(Html.escape(note)).append("</dd>\n");
            }
            html.append("</dl>\n");
        }
        html.append("</section>\n");
    }
}
