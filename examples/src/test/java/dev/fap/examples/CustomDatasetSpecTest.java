package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.bronze.BronzeTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomDatasetSpecTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCsvFilesAndReportsTruthAndSpoiledRows() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CustomDatasetSpec.Outcome o = CustomDatasetSpec.run(tmp, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(o.result().from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(o.result().to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(o.result().rows(BronzeTable.CUSTOMERS)).isGreaterThanOrEqualTo(300);
        for (BronzeTable t : BronzeTable.values()) {
            Path csv = tmp.resolve(t.tableName() + ".csv");
            assertThat(csv).exists();
            try (var lines = Files.lines(csv)) {
                // header + one line per row (the generated text has no line breaks inside fields)
                assertThat(lines.count()).as(t.tableName()).isEqualTo(o.result().rows(t) + 1);
            }
        }
        // the manifest counts add up, and ~2% of rows are spoiled
        long spoiled = o.dirtyByTable().values().stream().mapToLong(Long::longValue).sum();
        assertThat(spoiled).isEqualTo(o.result().dirty().size()).isPositive();
        assertThat((double) spoiled / o.result().totalRows()).isBetween(0.005, 0.04);
        assertThat(o.dirtyByTable()).containsKey(BronzeTable.TRANSACTIONS);
        // the truth describes this very spec
        assertThat(o.truth().spec()).isEqualTo(CustomDatasetSpec.SPEC);
        assertThat(o.truth().fraud().oddsRatioNight()).isEqualTo(Math.exp(o.truth().fraud().night()));
        assertThat(o.truth().campaign().relativeUplift()).isPositive();

        List<String> out = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(out).anyMatch(l -> l.startsWith("planted effects: GroundTruth[fraud rate"));
        assertThat(out).anyMatch(l -> l.startsWith(String.format("spoiled rows: %,d (", spoiled)));
        assertThat(out).anyMatch(l -> l.matches("  transactions +[0-9,]+  \\(.+ \\d+.*\\)"));
    }
}
