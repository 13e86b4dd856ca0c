package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildOptions;
import dev.fap.model.BuildResult;
import dev.fap.model.ModelResult;
import dev.fap.model.Selection;
import dev.fap.model.Warehouse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After one more day, an incremental run writes what the day changed and no more: the data clock's per-day state gets
 * the new day(s) from the new bronze batch only, dim_customer writes only new and changed versions (no column follows
 * the clock), and both equal a full refresh of the same data.
 */
@ExtendWith(FapDatabaseExtension.class)
class IncrementalDayTouchesOnlyTheDayTest {

    private static long count(Database db, String sql) {
        return db.dsl().fetchSingle(sql).get(0, Long.class);
    }

    /** Rows of {@code a} not in {@code b} plus rows of {@code b} not in {@code a}. */
    private static long difference(Database db, String a, String b) {
        return count(db, "select count(*) from ((select * from " + a + " except all select * from " + b + ") union all (select * from "
                + b + " except all select * from " + a + ")) d");
    }

    @Test
    void oneMoreDayWritesOnlyItsDaysAndChangedCustomerVersionsAndEqualsAFullRefresh(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults().withCustomers(150).withTransactions(6_000).withDirtyRate(0.02));
        gen.toDatabase(db);
        Warehouse wh = FapWarehouse.on(db);
        wh.build().orThrow();
        long days = count(db, "select count(*) from silver.data_clock_days");
        LocalDate before = db.dsl().fetchSingle("select as_of_date from silver.data_clock").get(0, LocalDate.class);
        db.dsl().execute("create table public.dim_before as select * from gold.dim_customer");

        DataGenerator next = gen.nextBatch(1);
        next.toDatabase(db);
        long batch = count(db, "select max(_batch_id) from bronze.transactions");
        long newDays = count(db, "select count(distinct transaction_date::date) from bronze.transactions where _batch_id = " + batch);
        assertThat(newDays).isPositive();
        BuildResult inc = wh.build().orThrow();

        // the clock's state: only the batch's days were merged, and the clock moved
        ModelResult clockDays = inc.model("data_clock_days");
        assertThat(clockDays.message()).isEqualTo("incremental");
        assertThat(clockDays.inserted() + clockDays.updated()).isEqualTo(newDays);
        assertThat(count(db, "select count(*) from silver.data_clock_days")).isEqualTo(days + clockDays.inserted());
        assertThat(db.dsl().fetchSingle("select as_of_date from silver.data_clock").get(0, LocalDate.class)).isAfter(before);

        // dim_customer: exactly the versions that differ from before were written, far fewer than all
        ModelResult dim = inc.model("dim_customer");
        long changed = count(db, "select count(*) from (select * from gold.dim_customer except all select * from public.dim_before) d");
        long versions = count(db, "select count(*) from gold.dim_customer");
        assertThat(dim.inserted() + dim.updated()).isEqualTo(changed);
        assertThat(changed).isLessThan(versions / 10);
        // the stored tenure is the version's, not the clock's
        assertThat(count(db, "select count(*) from gold.dim_customer where tenure_days_at_valid_from <> valid_from - signup_date"
                + " or (version_number = 1 and tenure_days_at_valid_from <> 0)")).isZero();

        // the run left bronze with statistics (it analyzes a source that has none), so a later batch is read through the
        // batch index, not by a scan of every row
        assertThat(count(db, "select count(*) from pg_stats where schemaname = 'bronze' and tablename = 'transactions'"
                + " and attname = '_batch_id'")).isEqualTo(1);
        String plan = String.join("\n", db.dsl().fetch("explain select * from bronze.transactions where _batch_id > " + batch)
                .getValues(0, String.class));
        assertThat(plan).contains("Bitmap Index Scan on transactions_batch_brin");

        db.dsl().execute("create table public.clock_days_inc as select * from silver.data_clock_days");
        db.dsl().execute("create table public.clock_inc as select * from silver.data_clock");
        db.dsl().execute("create table public.dim_inc as select * from gold.dim_customer");
        db.dsl().execute("create table public.predictive_inc as select customer_id, tenure_days, tenure_years from gold.predictive_analytics");
        wh.build(Selection.all(), BuildOptions.defaults().withFullRefresh()).orThrow();
        assertThat(difference(db, "public.clock_days_inc", "silver.data_clock_days")).isZero();
        assertThat(difference(db, "public.clock_inc", "silver.data_clock")).isZero();
        assertThat(difference(db, "public.dim_inc", "gold.dim_customer")).isZero();
        assertThat(difference(db, "public.predictive_inc", "(select customer_id, tenure_days, tenure_years from gold.predictive_analytics) p")).isZero();
        // the views' tenure is as of the data's now
        assertThat(count(db, "select count(*) from gold.predictive_analytics p join gold.dim_customer c on c.customer_id = p.customer_id"
                + " and c.is_current, silver.data_clock k where p.tenure_days <> k.as_of_date - c.signup_date")).isZero();
    }
}
