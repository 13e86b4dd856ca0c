package dev.fap.analytics.stats;


/**
 * ROC analysis of a score against a binary outcome.
 *
 * <pre>{@code
 * AucResult auc = Roc.auc(scores, labels, 0.95);
 * RocCurve curve = Roc.curve(scores, labels, 200);
 * }</pre>
 *
 * <p>AUC by the Mann–Whitney statistic with average ranks: {@code AUC = (R⁺ - n⁺(n⁺+1)/2)/(n⁺n⁻)}
 * where R⁺ is the rank sum of the positives. DeLong et al. (1988) variance with structural components
 * {@code V10_i = (R_i - R⁺_i)/n⁻} (rank among all minus rank among positives) and
 * {@code V01_j = 1 - (R_j - R⁻_j)/n⁺}: {@code Var = s²(V10)/n⁺ + s²(V01)/n⁻}.
 */
public final class Roc {
    private Roc() {
    }

    /** AUC with DeLong interval; labels are 0/1. */
    public static AucResult auc(double[] scores, double[] labels, double level) {
        Checks.level(level);
        Split s = split(scores, labels);
        int n1 = s.pos.length;
        int n0 = s.neg.length;
        double[] rAll = Ranks.average(concat(s.pos, s.neg));   // the concatenation is garbage once ranked
        double[] rPos = Ranks.average(s.pos);
        double[] rNeg = Ranks.average(s.neg);
        double sumPos = 0;
        double[] v10 = new double[n1];
        for (int i = 0; i < n1; i++) {
            sumPos += rAll[i];
            v10[i] = (rAll[i] - rPos[i]) / n0;
        }
        double[] v01 = new double[n0];
        for (int j = 0; j < n0; j++) {
            v01[j] = 1 - (rAll[n1 + j] - rNeg[j]) / n1;
        }
        double auc = (sumPos - n1 * (n1 + 1.0) / 2) / ((double) n1 * n0);
        double var = (n1 > 1 ? Moments.of(v10).variance() / n1 : 0) + (n0 > 1 ? Moments.of(v01).variance() / n0 : 0);
        double se = Math.sqrt(var);
        double crit = Distributions.normalCritical(level);
        double p = se > 0 ? Distributions.normalTwoSided((auc - 0.5) / se) : (auc == 0.5 ? 1.0 : 0.0);
        return new AucResult("ROC AUC (Mann-Whitney), DeLong interval", n1, n0, auc, se,
                new ConfidenceInterval(Math.max(0, auc - crit * se), Math.min(1, auc + crit * se), level), p);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The ROC curve, thinned to about {@code maxPoints} points (≥ 2). */
    public static RocCurve curve(double[] scores, double[] labels, int maxPoints) {
        Split s = split(scores, labels);
        int n = scores.length;
        // descending by score; the order within ties does not matter (points are taken at the end of each tie)
        int[] ascending = SortOrder.ascending(scores);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = ascending[n - 1 - k];
        }
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        double[] thr = new double[n + 1];
        int m = 0;
        thr[0] = Double.MAX_VALUE;
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (labels[i] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (k == n - 1 || scores[order[k + 1]] != scores[i]) {
                m++;
                fpr[m] = (double) fp / s.neg.length;
                tpr[m] = (double) tp / s.pos.length;
                thr[m] = scores[i];
            }
        }
        int points = m + 1;
        int keep = Math.max(2, Math.min(points, maxPoints));
        double[] f = new double[keep];
        double[] t = new double[keep];
        double[] h = new double[keep];
        for (int k = 0; k < keep; k++) {
            int src = (int) Math.round((double) k * (points - 1) / (keep - 1));
            f[k] = fpr[src];
            t[k] = tpr[src];
            h[k] = thr[src];
        }
        return new RocCurve(f, t, h);
    }

    private record Split(double[] pos, double[] neg) {
    }

    private static Split split(double[] scores, double[] labels) {
        if (scores.length != labels.length) {
            throw dev.fap.core.FapException.invalidArgument("scores and labels differ in length: " + scores.length + " vs " + labels.length,
                    "pass one label per score");
        }
        Checks.finite(scores, "scores");
        int n1 = 0;
        for (double l : labels) {
            if (l == 1) {
                n1++;
            } else if (l != 0) {
                throw dev.fap.core.FapException.invalidArgument("labels must be 0 or 1, found " + l, "encode the outcome as 0/1");
            }
        }
        int n0 = labels.length - n1;
        if (n1 == 0 || n0 == 0) {
            throw Checks.failure("ROC analysis needs positives and negatives, had " + n1 + " and " + n0,
                    "the outcome does not vary in this (test) sample");
        }
        double[] pos = new double[n1];
        double[] neg = new double[n0];
        int a = 0;
        int b = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        return new Split(pos, neg);
    }
}
