package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.FactorTest;
import dev.fap.analytics.GroupRate;
import dev.fap.analytics.stats.ChiSquareResult;
import dev.fap.analytics.stats.ChiSquareTest;
import dev.fap.analytics.stats.MultipleTesting;
import dev.fap.analytics.stats.Proportions;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;

/** Rate-by-level tables with chi-square tests, from queries returning {@code level, n, events}. */
final class FactorTests {
    private FactorTests() {
    }

    /** One factor test (q-value not yet adjusted: equal to p). */
    static FactorTest test(Context ctx, String outcome, String factor, String query, Object... binds) {
        return test(ctx, outcome, factor, ctx.sql().fetch(query, binds));
    }

    /** One factor test from rows {@code level, n, events} already fetched. */
    static FactorTest test(Context ctx, String outcome, String factor, List<Record> rows) {
        List<String> labels = new ArrayList<>();
        long[][] counts = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            labels.add(s(r, "level"));
            counts[i] = new long[] {l(r, "n"), l(r, "events")};
        }
        return test(ctx, outcome, factor, labels, counts);
    }

    /** One factor test from the levels' labels and their {@code {n, events}}, in table order. */
    static FactorTest test(Context ctx, String outcome, String factor, List<String> labels, long[][] counts) {
        long[][] table = new long[counts.length][2];
        long events = 0;
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            table[i][0] = counts[i][1];
            table[i][1] = counts[i][0] - counts[i][1];
            events += table[i][0];
            n += counts[i][0];
        }
        ChiSquareResult chi = ChiSquareTest.independence(labels, List.of(outcome, "not " + outcome), table);
        double overall = (double) events / n;
        List<GroupRate> levels = new ArrayList<>();
        for (int i = 0; i < chi.rowLabels().size(); i++) {
            int src = labels.indexOf(chi.rowLabels().get(i));
            long k = table[src][0];
            long m = table[src][0] + table[src][1];
            levels.add(new GroupRate(labels.get(src), Proportions.wilson(k, m, ctx.level()), overall > 0 ? ((double) k / m) / overall : 0,
                    chi.standardizedResiduals()[i][0]));
        }
        return new FactorTest(outcome, factor, overall, List.copyOf(levels), chi, chi.pValue());
    }

    /** Runs the tests, records those that cannot be computed, and BH-adjusts the rest. */
    static List<FactorTest> adjusted(Context ctx, String analysis, List<java.util.function.Supplier<FactorTest>> tests) {
        List<FactorTest> done = new ArrayList<>();
        for (java.util.function.Supplier<FactorTest> t : tests) {
            try {
                done.add(t.get());
            } catch (FapException e) {
                ctx.fail(analysis, e);
            }
        }
        double[] q = MultipleTesting.benjaminiHochberg(done.stream().mapToDouble(f -> f.test().pValue()).toArray());
        List<FactorTest> out = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            FactorTest f = done.get(i);
            out.add(new FactorTest(f.outcome(), f.factor(), f.overallRate(), f.levels(), f.test(), q[i]));
        }
        return List.copyOf(out);
    }
}
