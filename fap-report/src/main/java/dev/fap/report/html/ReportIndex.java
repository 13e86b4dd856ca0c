package dev.fap.report.html;

import dev.fap.report.internal.Html;
import dev.fap.report.internal.ReportFiles;
import dev.fap.report.internal.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The landing page that links a set of reports: one card per report with its question, chart
 * count and headline numbers. It embeds no script and is a few kilobytes.
 *
 * <pre>{@code
 * ReportIndex index = ReportIndex.titled("FAP analytics")
 *         .withEntry(ReportIndex.Entry.of("01_descriptive_analytics.html", descriptiveReport));
 * index.writeTo(outDir.resolve("index.html"));
 * }</pre>
 */
public final class ReportIndex {
    /**
     * One linked report.
     *
     * @param href     relative link to the report file
     * @param title    report title
     * @param question the question it answers
     * @param charts   number of charts
     * @param kpis     headline numbers shown on the card
     * @param notices  warnings (e.g. sections that could not be computed)
     */
    public record Entry(String href, String title, String question, int charts, List<Kpi> kpis, List<String> notices) {
        public Entry {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(title, "title");
            question = question == null ? "" : question;
            kpis = List.copyOf(kpis);
            notices = List.copyOf(notices);
        }

        /** An entry for {@code report} written at {@code href}, showing its first three KPIs. */
        public static Entry of(String href, HtmlReport report) {
            return new Entry(href, report.title(), report.question(), report.chartCount(),
                    report.kpis().subList(0, Math.min(3, report.kpis().size())), report.notices());
        }
    }

    private final String title;
    private final String subtitle;
    private final List<Entry> entries;
    private final List<String> footnotes;

    private ReportIndex(String title, String subtitle, List<Entry> entries, List<String> footnotes) {
        this.title = title;
        this.subtitle = subtitle;
        this.entries = List.copyOf(entries);
        this.footnotes = List.copyOf(footnotes);
    }

    public static ReportIndex titled(String title) {
        return new ReportIndex(Objects.requireNonNull(title), "", List.of(), List.of());
    }

    public ReportIndex withSubtitle(String subtitle) {
        return new ReportIndex(title, Objects.requireNonNull(subtitle), entries, footnotes);
    }

    public ReportIndex withEntry(Entry entry) {
        List<Entry> list = new ArrayList<>(entries);
        list.add(Objects.requireNonNull(entry));
        return new ReportIndex(title, subtitle, list, footnotes);
    }

    public ReportIndex withFootnote(String text) {
        List<String> list = new ArrayList<>(footnotes);
        list.add(Objects.requireNonNull(text));
        return new ReportIndex(title, subtitle, entries, list);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The HTML document. */
    public String render() {
        int charts = entries.stream().mapToInt(Entry::charts).sum();
        StringBuilder html = new StringBuilder(16_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(Resources.text("html/report.css")).append("</style>\n</head>\n<body>\n")
                .append("<header class=\"hero\"><div class=\"wrap\">\n<p class=\"eyebrow\">FAP &middot; Financial Analytics Platform</p>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n");
        if (!subtitle.isEmpty()) {
            html.append("<p class=\"question\">").append(Html.escape(subtitle)).append("</p>\n");
        }
        html.append("<p class=\"meta\">").append(entries.size()).append(" reports &middot; ").append(charts).append(" interactive charts</p>\n")
                .append("</div></header>\n<main class=\"wrap\" style=\"padding-top:22px\">\n<div class=\"index-grid\">\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            html.append("<section class=\"card\"><div class=\"num\">").append(String.format("%02d", i + 1)).append("</div>\n<h2><a href=\"")
                    .append(Html.escape(e.href())).append("\">").append(Html.escape(e.title())).append("</a></h2>\n");
            if (!e.question().isEmpty()) {
                html.append("<p class=\"desc\">").append(Html.escape(e.question())).append(" &middot; ").append(e.charts())
                        .append(e.charts() == 1 ? " chart" : " charts").append("</p>\n");
            }
            if (!e.kpis().isEmpty()) {
                html.append("<ul>");
                for (Kpi kpi : e.kpis()) {
                    html.append("<li>").append(Html.escape(kpi.label())).append(": <b>").append(Html.escape(kpi.value())).append("</b></li>");
                }
                html.append("</ul>\n");
            }
            for (String notice : e.notices()) {
                html.append("<p class=\"banner show notice\">").append(Html.escape(notice)).append("</p>\n");
            }
            html.append("</section>\n");
        }
        html.append("</div>\n</main>\n<footer class=\"wrap\">\n");
        for (String note : footnotes) {
            html.append("<p>").append(Html.escape(note)).append("</p>\n");
        }
        html.append("<p>Every report is a single self-contained HTML file that works offline.</p>\n</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Writes the index to {@code file}, creating parent folders. */
    public ReportFile writeTo(Path file) {
        return new ReportFile(file, title, 0, ReportFiles.write(file, render()));
    }

    @Override
    public String toString() {
        return "ReportIndex[" + title + ", " + entries.size() + " reports]";
    }
}
