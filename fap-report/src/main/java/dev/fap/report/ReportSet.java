package dev.fap.report;

import dev.fap.report.html.ReportFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files {@link ReportWriter#write} produced.
 *
 * <pre>{@code
 * ReportSet set = ReportWriter.defaults().write(analytics, dir);
 * set.totalCharts();   // 38
 * set.index().path();  // dir/index.html
 * }</pre>
 *
 * @param directory where the files are
 * @param reports   the eight report files, in order
 * @param index     the index page
 * @param millis    time taken to build and write all files
 */
public record ReportSet(Path directory, List<ReportFile> reports, ReportFile index, long millis) {
    public ReportSet {
        reports = List.copyOf(reports);
    }

    /** Charts over all reports. */
    public int totalCharts() {
        return reports.stream().mapToInt(ReportFile::charts).sum();
    }

    /** Bytes over all files, index included. */
    public long totalBytes() {
        return reports.stream().mapToLong(ReportFile::bytes).sum() + index.bytes();
    }

    /** The largest report file in bytes. */
    public long largestFileBytes() {
        return reports.stream().mapToLong(ReportFile::bytes).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d reports, %d charts, %.1f MB in %s (%d ms)%n",
                reports.size(), totalCharts(), totalBytes() / 1e6, directory, millis));
        for (ReportFile file : reports) {
            out.append("  ").append(file).append(System.lineSeparator());
        }
        out.append("  ").append(index.path().getFileName());
        return out.toString();
    }
}
