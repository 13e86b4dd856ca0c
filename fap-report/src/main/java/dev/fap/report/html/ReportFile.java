package dev.fap.report.html;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One written report file.
 *
 * <pre>{@code
 * ReportFile file = report.writeTo(Path.of("out/01_descriptive_analytics.html"));
 * System.out.println(file); // 01_descriptive_analytics.html: Descriptive Analytics, 9 charts, 2.7 MB
 * }</pre>
 *
 * @param path   where it was written
 * @param title  the report title
 * @param charts the number of charts in it
 * @param bytes  the file size
 */
public record ReportFile(Path path, String title, int charts, long bytes) {
    @Override
    public String toString() {
        return path.getFileName() + ": " + title + ", " + charts + (charts == 1 ? " chart, " : " charts, ")
                + String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
