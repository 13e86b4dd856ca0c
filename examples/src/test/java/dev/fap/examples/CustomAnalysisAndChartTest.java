package dev.fap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.warehouse.FapWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FapDatabaseExtension.class)
class CustomAnalysisAndChartTest {
    @TempDir
    Path tmp;

    @Test
    void comparesChannelsWithWelchAndWritesAnOfflineReport(Database db) throws Exception {
        DataGenerator.of(DatasetSpec.defaults().withSeed(5).withCustomers(200).withTransactions(5_000)).toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        CustomAnalysisAndChart.Outcome o = CustomAnalysisAndChart.run(db, tmp.resolve("custom/online_vs_pos.html"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        // the t-test saw exactly the rows and means PostgreSQL computes for the same filter
        Record ref = db.dsl().fetchSingle("select count(*) filter (where channel = 'Online'), "
                + "avg(purchase_amount) filter (where channel = 'Online'), count(*) filter (where channel = 'POS'), "
                + "avg(purchase_amount) filter (where channel = 'POS') from gold.fact_transactions "
                + "where transaction_type = 'Purchase' and is_approved");
        assertThat(o.test().n1()).isEqualTo(ref.get(0, Long.class)).isGreaterThan(100);
        assertThat(o.test().n2()).isEqualTo(ref.get(2, Long.class)).isGreaterThan(100);
        assertThat(o.test().mean1()).isCloseTo(ref.get(1, Double.class), within(1e-9));
        assertThat(o.test().mean2()).isCloseTo(ref.get(3, Double.class), within(1e-9));
        assertThat(o.test().difference()).isCloseTo(o.test().mean1() - o.test().mean2(), within(1e-9));
        assertThat(o.test().pValue()).isBetween(0.0, 1.0);
        assertThat(o.test().interval().contains(o.test().difference())).isTrue();

        assertThat(o.report().charts()).isEqualTo(1);
        String html = Files.readString(o.report().path());
        assertThat(html).contains("Online vs in-store purchases", "Welch", "\"type\":\"box\"")
                .doesNotContain("cdn.plot.ly", "https://cdn");
        assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("Online: n=" + o.test().n1() + ", mean ");
    }
}
