package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An incremental run after one more day moves silver.data_clock in place: the clock table and the analytics views
 * that read it keep their oids (no view is dropped and recreated), the views see the new "now", and every view gives
 * the rows a full refresh gives.
 */
@ExtendWith(FapDatabaseExtension.class)
class DataClockMovesInPlaceTest {
    private static final List<String> VIEWS = FapWarehouse.ANALYTICS_VIEWS;

    @Test
    void theClockMovesInPlaceAndTheViewsOnItStayAndSeeTheNewDay(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(120).withTransactions(4_000));
        gen.toDatabase(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();
        LocalDate before = clock(db);
        Map<String, String> oids = oids(db);

        gen.nextBatch(1).toDatabase(db);
        BuildResult inc = wh.build().orThrow();
        assertThat(inc.model("data_clock").message()).isEqualTo("replaced in place");
        LocalDate now = clock(db);
        assertThat(now).isAfter(before);
        for (String v : VIEWS) {
            assertThat(inc.model(v).message()).as(v).isEqualTo("unchanged");
        }
        assertThat(oids(db)).isEqualTo(oids);
        // the views read the moved clock
        assertThat(db.dsl().fetchSingle("select max(data_now)::date from gold.realtime_analytics").get(0, LocalDate.class)).isEqualTo(now);
        Map<String, String> incremental = views(db);

        // nothing new: the clock is not written again
        BuildResult same = wh.build().orThrow();
        assertThat(same.model("data_clock").message()).isEqualTo("unchanged");
        assertThat(oids(db)).isEqualTo(oids);

        // a full refresh swaps the clock (new oids) and gives the same rows in every view
        wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(oids(db).get("silver.data_clock")).isNotEqualTo(oids.get("silver.data_clock"));
        assertThat(views(db)).isEqualTo(incremental);
    }

    private static LocalDate clock(Database db) {
        return db.dsl().fetchSingle("select as_of_date from silver.data_clock").get(0, LocalDate.class);
    }

    private static Map<String, String> oids(Database db) {
        Map<String, String> out = new TreeMap<>();
        out.put("silver.data_clock", db.dsl().fetchSingle("select 'silver.data_clock'::regclass::oid::text").get(0, String.class));
        for (String v : VIEWS) {
            out.put(v, db.dsl().fetchSingle("select 'gold." + v + "'::regclass::oid::text").get(0, String.class));
        }
        return out;
    }

    private static Map<String, String> views(Database db) {
        Map<String, String> out = new TreeMap<>();
        for (String v : VIEWS) {
            out.put(v, GoldChecksums.of(db, "gold." + v));
        }
        return out;
    }
}
