package dev.fap.report.dashboard;

import dev.fap.core.FapException;
import dev.fap.report.html.ChartSection;
import dev.fap.report.html.Kpi;
import dev.fap.report.internal.ChartTheme;
import dev.fap.report.plotly.PlotlyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One state of the live dashboard: its KPIs and charts, in page order. The first frame defines the
 * page; later frames must keep the number of charts (KPIs and traces may change).
 *
 * <pre>{@code
 * LiveFrame frame = LiveFrame.of(7, RealtimePage.kpis(r), RealtimePage.sections(r, Money.USD), "window ends 2024-12-31 23:00");
 * }</pre>
 *
 * @param sequence increasing frame number
 * @param kpis     headline numbers
 * @param charts   chart sections (the figure is updated; title and method stay as first rendered)
 * @param status   a short line shown next to the live indicator, may be empty
 */
public record LiveFrame(long sequence, List<Kpi> kpis, List<ChartSection> charts, String status) {
    public LiveFrame {
        kpis = List.copyOf(Objects.requireNonNull(kpis, "kpis"));
        charts = List.copyOf(Objects.requireNonNull(charts, "charts"));
        status = status == null ? "" : status;
        if (charts.isEmpty()) {
            throw FapException.invalidArgument("a live frame needs at least one chart", "add the charts the dashboard shows");
        }
    }

    public static LiveFrame of(long sequence, List<Kpi> kpis, List<ChartSection> charts, String status) {
        return new LiveFrame(sequence, kpis, charts, status);
    }

    /** The same content with another sequence number. */
    public LiveFrame withSequence(long sequence) {
        return new LiveFrame(sequence, kpis, charts, status);
    }

    /** The JSON the page applies: {@code {"charts":[figure...],"kpis":[{label,value,detail}...],"sequence":n,"status":s}}. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", sequence);
        json.put("status", status);
        List<Object> k = new ArrayList<>();
        for (Kpi kpi : kpis) {
            k.add(Map.of("label", kpi.label(), "value", kpi.value(), "detail", kpi.detail()));
        }
        json.put("kpis", k);
        List<Object> c = new ArrayList<>();
        for (ChartSection section : charts) {
            c.add(ChartTheme.apply(section.figure()));
        }
        json.put("charts", c);
        return PlotlyJson.write(json);
    }

    @Override
    public String toString() {
        return "LiveFrame[" + sequence + ", " + kpis + ", " + charts.size() + " charts" + (status.isEmpty() ? "" : ", " + status) + "]";
    }
}
