package dev.fap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.analytics.stats.ClusterCandidate;
import dev.fap.analytics.stats.LogisticCoefficient;
import dev.fap.core.Database;
import dev.fap.core.testing.FapDatabaseExtension;
import dev.fap.generator.DataGenerator;
import dev.fap.generator.DatasetSpec;
import dev.fap.generator.GroundTruth;
import dev.fap.model.warehouse.FapWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics recover the effects the generator planted: default dataset, loaded, warehouse built,
 * all eight analyses run once.
 */
@ExtendWith(FapDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsRecoveryTest {
    GroundTruth truth;
    AnalyticsReport report;
    long millis;

    @BeforeAll
    void generateLoadBuildAnalyse(Database db) {
        DataGenerator gen = DataGenerator.of(DatasetSpec.defaults());
        truth = gen.groundTruth();
        gen.toDatabase(db);
        FapWarehouse.on(db).build().orThrow();
        Analytics.on(db).all(); // warm-up (JIT, plan caches); the figure below is the second run
        long t0 = System.nanoTime();
        report = Analytics.on(db).all();
        millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("all eight analyses: " + millis + " ms " + report.timings());
        System.out.println("failures: " + report.failures());
    }

    @Test
    void everyAnalysisIsComputed() {
        assertThat(report.failures()).isEmpty();
        assertThat(report.descriptive()).isNotNull();
        assertThat(report.diagnostic()).isNotNull();
        assertThat(report.exploratory()).isNotNull();
        assertThat(report.inferential()).isNotNull();
        assertThat(report.predictive()).isNotNull();
        assertThat(report.prescriptive()).isNotNull();
        assertThat(report.causal()).isNotNull();
        assertThat(report.realtime()).isNotNull();
        assertThat(report.descriptive().kpis().transactions()).isEqualTo(50_000);
        assertThat(report.descriptive().kpis().customers()).isEqualTo(1_000);
    }

    @Test
    void plantedFraudDriversAreSignificantAndTheirIntervalsCoverTheTruth() {
        ModelEvaluation fraud = report.predictive().fraud();
        GroundTruth.Fraud f = truth.fraud();
        double[][] planted = {{f.night()}, {f.online()}, {f.highAmount()}, {f.velocity()}, {f.farFromHome()}, {f.riskyMerchant()}};
        String[] names = {"night", "online", "high_amount_deviation", "high_velocity", "far_from_home", "risky_merchant"};
        int significant = 0;
        for (int j = 0; j < names.length; j++) {
            LogisticCoefficient c = fraud.model().coefficient(names[j]);
            System.out.printf("fraud %s: beta=%.3f CI=%s planted=%.3f p=%.2e%n", names[j], c.estimate(), c.interval(), planted[j][0],
                    c.pValue());
            assertThat(c.estimate()).as(names[j] + " raises the odds").isPositive();
            assertThat(c.interval().contains(planted[j][0])).as(names[j] + " interval " + c.interval() + " covers " + planted[j][0])
                    .isTrue();
            if (c.pValue() < 0.001) {
                significant++;
            }
        }
        // Jointly the six drivers are overwhelmingly significant (likelihood-ratio test against the
        // intercept-only model). Individually, on the default 50k transactions (~180 frauds in ~36k
        // purchases) the rarer indicators (velocity_24h >= 2, distance >= 100 km) have wide intervals,
        // so at least four of the six must be significant at 0.001 on their own.
        double lr = 2 * (fraud.model().logLikelihood() - fraud.model().nullLogLikelihood());
        double pJoint = org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(6).survivalProbability(lr);
        System.out.printf("fraud joint LR = %.1f, p = %.2e%n", lr, pJoint);
        assertThat(pJoint).isLessThan(1e-20);
        assertThat(significant).isGreaterThanOrEqualTo(4);
        // test split by customer: purchases of a test customer were never seen in training
        assertThat(fraud.testAuc().auc()).isGreaterThan(0.65);
        assertThat(fraud.testAuc().interval().lower()).isGreaterThan(0.5);
        // the chi-square tests of the diagnostic analysis agree: fraud depends on channel and hour
        assertThat(report.diagnostic().fraudDrivers()).anySatisfy(t -> {
            assertThat(t.factor()).isEqualTo("channel");
            assertThat(t.qValue()).isLessThan(0.001);
        });
        assertThat(report.diagnostic().fraudDrivers()).anySatisfy(t -> {
            assertThat(t.factor()).isEqualTo("hour_of_day");
            assertThat(t.qValue()).isLessThan(0.001);
        });
    }

    @Test
    void campaignUpliftIntervalsCoverThePlantedValue() {
        CampaignEffect e = report.causal().campaignEffect();
        double u = truth.campaign().relativeUplift();
        System.out.println("campaign: ratio " + e.relativeUplift().estimate() + " " + e.relativeUplift().interval() + "; ipw "
                + e.propensityWeighted().estimate() + " " + e.propensityWeighted().interval() + "; did "
                + e.differenceInDifferences().estimate() + " " + e.differenceInDifferences().interval() + "; planted " + u
                + ", per customer-month " + truth.campaign().upliftPerCustomerMonth());
        assertThat(e.relativeUplift().interval().contains(u)).isTrue();
        assertThat(e.propensityWeighted().interval().contains(u)).isTrue();
        assertThat(e.propensityWeighted().estimate()).isPositive();
        assertThat(e.differenceInDifferences().interval().contains(truth.campaign().upliftPerCustomerMonth())).isTrue();
    }

    @Test
    void churnModelBeatsChance() {
        ModelEvaluation churn = report.predictive().churn();
        System.out.println("churn AUC " + churn.testAuc() + " importance " + churn.importance());
        assertThat(churn.testAuc().auc()).isGreaterThan(0.65);
        assertThat(churn.testAuc().interval().lower()).isGreaterThan(0.5);
        assertThat(report.predictive().scoresWritten()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void figuresReconcile() {
        DescriptiveAnalysis d = report.descriptive();
        assertThat(d.monthlyTrends().stream().mapToLong(MonthlyTrend::transactions).sum()).isEqualTo(d.kpis().transactions());
        assertThat(d.channelMix().slices().stream().mapToLong(Slice::count).sum()).isEqualTo(d.kpis().transactions());
        assertThat(d.channelMix().slices().stream().mapToDouble(Slice::value).sum())
                .isCloseTo(d.kpis().volume(), org.assertj.core.data.Offset.offset(0.01));
        // distinct customers per month: every month has some, none more than there are customers
        assertThat(d.monthlyTrends()).hasSize(24).allSatisfy(t -> assertThat(t.activeCustomers()).isBetween(100L, d.kpis().customers()));
        assertThat(d.kpis().activeCustomers()).isBetween(100L, d.kpis().customers());
        ExploratoryAnalysis e = report.exploratory();
        assertThat(e.segments().stream().mapToLong(SegmentProfile::size).sum()).isEqualTo(e.customersProfiled());
        assertThat(e.clustering().silhouette()).isBetween(0.0, 1.0);
        // a usable segmentation: no segment of a handful of customers, chosen by silhouette among usable k
        System.out.println("clustering candidates: " + e.clustering().candidates() + " chosen k=" + e.clustering().k());
        assertThat(e.segments()).allSatisfy(s -> assertThat(s.share()).isGreaterThanOrEqualTo(0.05));
        assertThat(e.clustering().candidates()).filteredOn(ClusterCandidate::usable).isNotEmpty()
                .allSatisfy(c -> assertThat(c.silhouette()).isLessThanOrEqualTo(e.clustering().silhouette()));
        BudgetAllocation b = report.prescriptive().retentionBudget();
        assertThat(b.totalSpend()).isLessThanOrEqualTo(b.budget() + 1e-6);
        assertThat(b.segments()).allSatisfy(s -> assertThat(s.treatedCustomers()).isBetween(0.0, (double) s.customers() + 1e-9));
        // the LP never treats a segment whose expected saving is below the offer cost
        assertThat(b.segments()).allSatisfy(s -> {
            if (s.valuePerCustomer() < s.costPerCustomer()) {
                assertThat(s.treatedCustomers()).isZero();
            }
        });
        // the churn score histogram covers every scored customer once, on 20 bins of [0, 1]
        ScoreDistribution churnScores = report.predictive().churnScores();
        assertThat(churnScores.n()).isEqualTo(report.predictive().lifetimeValue().customers());
        assertThat(java.util.Arrays.stream(churnScores.counts()).sum()).isEqualTo(churnScores.n());
        assertThat(churnScores.binEdges()).hasSize(21).startsWith(0.0).endsWith(1.0);
        assertThat(java.util.Arrays.stream(churnScores.counts()).filter(c -> c > 0).count()).as("a spread, not one bin").isGreaterThanOrEqualTo(4);
        assertThat(churnScores.mean()).as("mean fitted probability ≈ churn rate").isCloseTo(report.predictive().churn().eventRate(),
                org.assertj.core.data.Offset.offset(0.03));
        assertThat(churnScores.median()).isLessThanOrEqualTo(churnScores.p90());
        RealtimeAnalysis r = report.realtime();
        assertThat(r.buckets()).hasSize(RealtimeWindow.defaults().buckets());
        assertThat(r.buckets().stream().mapToLong(RealtimeBucket::transactions).sum()).isEqualTo(r.transactions());
        // an empty bucket has no approval rate (a gap), is not charted and never raises an approval anomaly
        java.util.List<RealtimeBucket> empty = r.buckets().stream().filter(x -> x.transactions() == 0).toList();
        assertThat(empty).as("the default data has quiet night hours in its last week").isNotEmpty();
        assertThat(empty).allSatisfy(x -> assertThat(x.approvalRate()).isNull());
        assertThat(r.buckets()).filteredOn(x -> x.transactions() > 0)
                .allSatisfy(x -> assertThat(x.approvalRate()).isEqualTo((double) x.approved() / x.transactions()));
        assertThat(r.approvalChart().index()).hasSize(r.buckets().size() - empty.size());
        assertThat(java.util.Arrays.stream(r.approvalChart().index()).boxed().toList())
                .allSatisfy(i -> assertThat(r.buckets().get(i).transactions()).isPositive());
        assertThat(r.anomalies()).filteredOn(a -> a.metric().equals("approval_rate"))
                .allSatisfy(a -> assertThat(empty).noneMatch(x -> x.start().equals(a.bucketStart())));
        assertThat(report.inferential().cohortRetention()).isNotEmpty();
        assertThat(report.inferential().customerSurvival().survival()).isSortedAccordingTo((a, c) -> Double.compare(c, a));
    }

    @Test
    void oneAfterAnotherGivesTheSameReportAsTwoAtOnce(Database db) throws Exception {
        assertThat(Analytics.DEFAULT_PARALLELISM).isEqualTo(2);
        AnalyticsReport sequential = Analytics.on(db).withParallelism(1).all();
        assertThat(comparable(sequential)).isEqualTo(comparable(report));
        assertThat(sequential.timings()).extracting(StepTiming::analysis).containsExactly("descriptive", "diagnostic", "exploratory",
                "inferential", "predictive", "prescriptive", "causal", "realtime");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Analytics.on(db).withParallelism(0))
                .isInstanceOf(dev.fap.core.FapException.class).hasMessageContaining("parallelism");
    }

    /** The report's JSON without what is measured rather than computed (timings, round trips, ingestion lag). */
    private static com.fasterxml.jackson.databind.JsonNode comparable(AnalyticsReport r) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                AnalyticsReport.jsonMapper().readTree(r.toJson());
        json.remove("timings");
        com.fasterxml.jackson.databind.node.ObjectNode rt = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("realtime");
        rt.remove("latency");
        rt.remove("ingestionLagSeconds");
        return json;
    }

    @Test
    void rolledUpFiguresEqualPostgresOverTheRows(Database db) {
        // the descriptive KPIs and the weekend test are rolled up from one month × channel × type × weekend × reason
        // pass with exact numeric sums; they must equal PostgreSQL's aggregates over the transactions themselves
        org.jooq.Record k = db.dsl().fetchOne("""
                select count(*) filter (where is_approved) as approved, avg(transaction_amount_abs) filter (where is_approved) as mean,
                       stddev_samp(transaction_amount_abs) filter (where is_approved) as sd, sum(approved_amount_abs) as volume,
                       avg(transaction_amount_abs) filter (where is_approved and is_weekend) as we_mean,
                       var_samp(transaction_amount_abs) filter (where is_approved and not is_weekend) as wd_var
                from gold.fact_transactions""");
        Kpis kpis = report.descriptive().kpis();
        assertThat(kpis.approvedTransactions()).isEqualTo(k.get("approved", Long.class));
        assertThat(kpis.averageTicket().mean()).isCloseTo(k.get("mean", Double.class), org.assertj.core.data.Percentage.withPercentage(1e-10));
        assertThat(kpis.averageTicket().sd()).isCloseTo(k.get("sd", Double.class), org.assertj.core.data.Percentage.withPercentage(1e-10));
        assertThat(kpis.volume()).isCloseTo(k.get("volume", Double.class), org.assertj.core.data.Percentage.withPercentage(1e-10));
        dev.fap.analytics.stats.WelchTTestResult weekend = report.inferential().weekendVsWeekdayTicket();
        assertThat(weekend.mean1()).isCloseTo(k.get("we_mean", Double.class), org.assertj.core.data.Percentage.withPercentage(1e-10));
        // the declines breakdown and the per-month distinct customers
        long declined = db.dsl().fetchOne("select count(*) from gold.fact_transactions where is_declined").get(0, Long.class);
        assertThat(report.diagnostic().declineReasons().total()).isEqualTo(declined);
        long monthCustomers = db.dsl().fetchOne("select count(distinct (customer_id, to_char(transaction_date, 'YYYY-MM'))) "
                + "from gold.fact_transactions").get(0, Long.class);
        assertThat(report.descriptive().monthlyTrends().stream().mapToLong(MonthlyTrend::activeCustomers).sum()).isEqualTo(monthCustomers);
        // fraud by channel: the factor table rolled up from all-factor combinations equals a direct GROUP BY
        java.util.Map<String, Long> byChannel = new java.util.TreeMap<>();
        db.dsl().fetch("select coalesce(channel, '(none)') as c, count(*) filter (where is_fraud) as f from gold.fact_transactions group by 1")
                .forEach(r -> byChannel.put(r.get("c", String.class), r.get("f", Long.class)));
        FactorTest channel = report.diagnostic().fraudDrivers().stream().filter(t -> t.factor().equals("channel")).findFirst().orElseThrow();
        assertThat(channel.levels()).extracting(GroupRate::level).containsExactlyInAnyOrderElementsOf(byChannel.keySet());
        // cohort retention: cohort sizes as counted by SQL
        long cohortCustomers = db.dsl().fetchOne("select count(*) from gold.dim_customer where is_current and signup_date >= "
                + "(select min(transaction_date) from gold.fact_transactions)").get(0, Long.class);
        assertThat(report.inferential().cohortRetention().stream().mapToLong(CohortRetention::size).sum()).isEqualTo(cohortCustomers);
    }

    @Test
    void jsonRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analytics.json");
        report.writeJson(file);
        String json = Files.readString(file);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"differenceInDifferences\"")
                .contains("\"currency\" : \"USD\"");
        AnalyticsReport back = AnalyticsReport.readJson(file);
        assertThat(back.currency()).isEqualTo(report.currency()).isEqualTo("USD");
        assertThat(back.descriptive().kpis()).isEqualTo(report.descriptive().kpis());
        assertThat(back.causal().campaignEffect().relativeUplift()).isEqualTo(report.causal().campaignEffect().relativeUplift());
    }
}
