package dev.fap.core.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BronzeRowWriterTest {
    @Test
    void csvQuotesOnlyWhereNeededAndSeparatesNullFromEmpty() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BronzeRowWriter w = BronzeRowWriter.csv(out)) {
            w.header(List.of("a", "b", "c", "d", "e", "f"));
            w.text("plain").text("with, comma").text("say \"hi\"").text("").nul().text("Zoë 漢").endRow();
            w.money(-0.005).money(1234.5).decimal(0.12345).fixed(-12.34567, 1).integer(-42).bool(true).endRow();
            w.date(LocalDate.of(2024, 2, 29)).timestamp(LocalDateTime.of(2023, 1, 2, 3, 4, 5)).money((Double) null)
                    .fixed(Double.NaN, 2).integer((Integer) null).bool((Boolean) null).endRow();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c,d,e,f\n"
                + "plain,\"with, comma\",\"say \"\"hi\"\"\",\"\",,Zoë 漢\n"
                + "-0.01,1234.50,0.1235,-12.3,-42,true\n"
                + "2024-02-29,2023-01-02 03:04:05,,,,\n");
    }

    @Test
    void copyTextEscapesAndAppendsTheRowSuffix() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BronzeRowWriter w = BronzeRowWriter.withRowSuffix(out, BronzeRowWriter.Format.COPY_TEXT, "\t7")) {
            w.text("a\tb").text("back\\slash").text("line\nbreak\r").nul().money(0.0).endRow();
            assertThat(w.rows()).isEqualTo(1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\\tb\tback\\\\slash\tline\\nbreak\\r\t\\N\t0.00\t7\n");
    }

    @Test
    void largeOutputCrossesTheBufferIntact() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String big = "x".repeat(200_000);
        try (BronzeRowWriter w = BronzeRowWriter.csv(out)) {
            for (int i = 0; i < 1000; i++) {
                w.integer(i).text("row").endRow();
            }
            w.text(big).endRow();
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertThat(s).startsWith("0,row\n1,row\n").endsWith(big + "\n");
        assertThat(s.lines().count()).isEqualTo(1001);
    }
}
