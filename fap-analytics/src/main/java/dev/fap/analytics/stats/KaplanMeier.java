package dev.fap.analytics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier estimator with Greenwood's variance and the log-log ("exponential Greenwood")
 * interval, as {@code scipy.stats.ecdf(...).sf.confidence_interval(method='log-log')} and R's
 * {@code survfit(conf.type = "log-log")}.
 *
 * <pre>{@code
 * SurvivalCurve s = KaplanMeier.fit(tenureMonths, churned, 0.95);
 * double retainedAfterYear = s.survivalAt(12);
 * }</pre>
 *
 * <p>{@code S(t) = Π_{t_i ≤ t}(1 - d_i/n_i)}; {@code V(t) = Σ_{t_i ≤ t} d_i/(n_i(n_i - d_i))};
 * with {@code v = V/(ln S)²}: {@code [S^{exp(z√v)}, S^{exp(-z√v)}]}. Where {@code S = 1} or
 * {@code S = 0} or {@code n_i = d_i} the bounds are set to S itself (no information).
 */
public final class KaplanMeier {
    private KaplanMeier() {
    }

    /** Fits the curve; {@code event[i]} is 1 for an observed event, 0 for censoring. */
    public static SurvivalCurve fit(double[] time, double[] event, double level) {
        Checks.level(level);
        int n = time.length;
        if (event.length != n) {
            throw dev.fap.core.FapException.invalidArgument("time and event differ in length", "pass one event flag per subject");
        }
        Checks.minSize(time, 1, "Kaplan-Meier");
        Checks.finite(time, "survival times");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (!(event[i] == 0 || event[i] == 1)) {
                throw dev.fap.core.FapException.invalidArgument("event must be 0 or 1, found " + event[i], "1 = event, 0 = censored");
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        List<double[]> rows = new ArrayList<>(); // time, atRisk, events
        int i = 0;
        long events = 0;
        while (i < n) {
            double t = time[order[i]];
            int j = i;
            long d = 0;
            while (j < n && time[order[j]] == t) {
                d += (long) event[order[j]];
                j++;
            }
            if (d > 0) {
                rows.add(new double[] {t, n - i, d});
                events += d;
            }
            i = j;
        }
        int m = rows.size();
        double[] tt = new double[m];
        long[] risk = new long[m];
        long[] dd = new long[m];
        double[] s = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double z = Distributions.normalCritical(level);
        double surv = 1.0;
        double green = 0.0;
        boolean greenDefined = true;
        Double median = null;
        for (int k = 0; k < m; k++) {
            double[] r = rows.get(k);
            tt[k] = r[0];
            risk[k] = (long) r[1];
            dd[k] = (long) r[2];
            surv *= 1 - r[2] / r[1];
            if (r[1] > r[2]) {
                green += r[2] / (r[1] * (r[1] - r[2]));
            } else {
                greenDefined = false;
            }
            s[k] = surv;
            double logS = Math.log(surv);
            if (greenDefined && surv > 0 && surv < 1 && green > 0) {
                double se = Math.sqrt(green / (logS * logS));
                lo[k] = Math.pow(surv, Math.exp(z * se));
                hi[k] = Math.pow(surv, Math.exp(-z * se));
            } else {
                lo[k] = surv;
                hi[k] = surv;
            }
            if (median == null && surv <= 0.5) {
                median = r[0];
            }
        }
        return new SurvivalCurve("Kaplan-Meier, Greenwood variance, log-log interval", n, events, tt, risk, dd, s, lo, hi,
                level, median);
    }
}
