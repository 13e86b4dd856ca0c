package dev.fap.model.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.Database;
import dev.fap.core.bronze.BronzeTable;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.model.BuildResult;
import dev.fap.model.CheckResult;
import dev.fap.model.Status;
import dev.fap.model.TestResult;
import dev.fap.model.Warehouse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clean data of a non-US locale (international phone numbers, UK and Dutch postcodes, regions,
 * accented city names, EUR/GBP) passes silver whole: nothing quarantined, every table reconciles,
 * no phone or e-mail flagged, places and postal codes kept as they are, merchants at home in their
 * domestic region (not 'International'), every check passes.
 */
@ExtendWith(FapDatabaseExtension.class)
class WarehouseLocaleTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class CleanDataOf {
        private final Locale locale;
        private BuildResult build;
        private TestResult test;

        CleanDataOf(String tag) {
            this.locale = Locale.forLanguageTag(tag);
        }

        @BeforeAll
        void buildOnCleanData(Database db) {
            DataGenerator.of(DatasetSpec.defaults().withSeed(21).withCustomers(300).withTransactions(12_000).withMerchants(120)
                    .withLocale(locale)).toDatabase(db);
            Warehouse wh = FapWarehouse.on(db);
            build = wh.build();
            test = wh.test();
        }

        @Test
        void nothingIsQuarantinedAndEveryTableReconciles(Database db) {
            assertThat(db.dsl().fetch("select model, rule, count(*) from silver.quarantine group by 1, 2 order by 1, 2").format())
                    .as("quarantined rows of clean %s data", locale).doesNotContain("stg_");
            assertThat(count(db, "select count(*) from silver.quarantine")).isZero();
            for (BronzeTable t : BronzeTable.values()) {
                String model = "stg_" + t.tableName();
                long bronze = count(db, "select count(*) from bronze." + t.tableName());
                assertThat(count(db, "select count(*) from silver." + model)).as(model).isEqualTo(bronze).isPositive();
                assertThat(build.model(model).staging().valid()).as(model).isEqualTo(bronze);
            }
            assertThat(build.withStatus(Status.SUCCESS)).hasSize(FapWarehouse.project().models().size());
        }

        @Test
        void phonesAndEmailsAreValidAndMoneyIsInTheLocalCurrency(Database db) {
            assertThat(count(db, "select count(*) from silver.stg_customers where not phone_valid or phone_masked is null")).isZero();
            assertThat(count(db, "select count(*) from silver.stg_customers where not email_valid or email_masked is null")).isZero();
            // the masked phone keeps the last four digits of the international number
            assertThat(count(db, "select count(*) from silver.stg_customers s join bronze.customers b using (customer_id)"
                    + " where right(s.phone_masked, 4) <> right(regexp_replace(b.phone, '[^0-9]', '', 'g'), 4)")).isZero();
            String currency = locale.getCountry().equals("GB") ? "GBP" : "EUR";
            assertThat(count(db, "select count(*) from silver.stg_transactions where currency <> '" + currency + "'")).isZero();
            assertThat(count(db, "select count(*) from silver.stg_accounts where currency <> '" + currency + "'")).isZero();
        }

        @Test
        void placesAndPostalCodesSurviveSilver(Database db) {
            // names of places, regions, countries and postal codes come through unchanged
            // ('Frankfurt am Main' keeps its small words, 'NE7 3AN' is not cut to five characters)
            String changed = " from silver.stg_customers s join bronze.customers b using (customer_id)"
                    + " where s.city <> b.city or s.state <> b.state or s.zip_code <> b.zip_code or s.country <> b.country";
            assertThat(count(db, "select count(*)" + changed))
                    .as(db.dsl().fetch("select b.city, s.city, b.state, s.state, b.zip_code, s.zip_code" + changed + " limit 5").format())
                    .isZero();
            assertThat(count(db, "select count(*) from silver.stg_customer_changes where attribute in ('city', 'zip_code')")).isPositive();
            assertThat(count(db, "select count(*) from silver.stg_customer_changes s join bronze.customer_changes b using (change_id)"
                    + " where s.attribute in ('city', 'zip_code', 'state') and s.new_value <> b.new_value")).isZero();
            assertThat(count(db, "select count(*) from silver.stg_merchants s join bronze.merchants b using (merchant_id)"
                    + " where s.city <> b.city")).isZero();
            assertThat(count(db, "select count(*) from silver.stg_transactions s join bronze.transactions b using (transaction_id)"
                    + " where s.location_city <> b.location_city")).isZero();
        }

        @Test
        void merchantsAtHomeHaveTheirDomesticRegion(Database db) {
            // the home country is the customers' (DE, GB): its merchants get their region (the state code), not 'International'
            String home = locale.getCountry();
            long merchants = count(db, "select count(*) from gold.dim_merchant");
            long international = count(db, "select count(*) from gold.dim_merchant where region = 'International'");
            assertThat(international).as("international merchants of %d", merchants).isLessThan(merchants / 2);
            assertThat(count(db, "select count(*) from gold.dim_merchant where country = '" + home + "'")).isEqualTo(merchants - international);
            assertThat(count(db, "select count(*) from gold.dim_merchant where country = '" + home + "' and region is distinct from state"))
                    .isZero();
            assertThat(count(db, "select count(*) from gold.dim_merchant where country <> '" + home + "' and region <> 'International'"))
                    .isZero();
        }

        @Test
        void everyCheckPasses() {
            List<String> notPassing = test.checks().stream().filter(c -> c.status() != Status.PASS).map(CheckResult::toString).toList();
            assertThat(notPassing).isEmpty();
        }

        private static long count(Database db, String sql) {
            return db.dsl().fetchSingle(sql).get(0, Long.class);
        }
    }

    @Nested
    class German extends CleanDataOf {
        German() {
            super("de-DE");
        }
    }

    @Nested
    class British extends CleanDataOf {
        British() {
            super("en-GB");
        }
    }
}
