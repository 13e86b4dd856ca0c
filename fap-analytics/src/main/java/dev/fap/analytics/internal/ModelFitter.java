package dev.fap.analytics.internal;

import dev.fap.analytics.ConfusionMatrix;
import dev.fap.analytics.FeatureImportance;
import dev.fap.analytics.ModelEvaluation;
import dev.fap.analytics.stats.AucResult;
import dev.fap.analytics.stats.Calibration;
import dev.fap.analytics.stats.CalibrationResult;
import dev.fap.analytics.stats.LogisticCoefficient;
import dev.fap.analytics.stats.LogisticModel;
import dev.fap.analytics.stats.LogisticRegression;
import dev.fap.analytics.stats.Roc;
import dev.fap.analytics.stats.RocCurve;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a logistic model on a seeded 70% training split and evaluates it on the other 30%. When plain
 * maximum likelihood fails because of separation, it refits with a small ridge penalty (λ = 1) and says
 * so in the model's method.
 */
final class ModelFitter {
    static final double TRAIN_SHARE = 0.7;

    /** The evaluation and the fitted model. */
    record Fit(ModelEvaluation evaluation, LogisticModel model) {
    }

    private ModelFitter() {
    }

    static Fit fit(Context ctx, String target, String unit, long population, boolean sampled, List<String> names, double[][] x,
                   double[] y) {
        int n = y.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(ctx.seed() ^ target.hashCode());
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] train = new boolean[n];
        int nTrain = (int) Math.round(n * TRAIN_SHARE);
        for (int k = 0; k < nTrain; k++) {
            train[order[k]] = true;
        }
        return fit(ctx, target, unit, population, sampled, names, x, y, null, train);
    }

    /**
     * Fits on the rows with {@code train[i]} and evaluates on the others. {@code w} (null for 1) are
     * frequency weights: row i stands for {@code w[i]} identical observations (grouped data from SQL).
     */
    static Fit fit(Context ctx, String target, String unit, long population, boolean sampled, List<String> names, double[][] x,
                   double[] y, double[] w, boolean[] train) {
        int n = y.length;
        List<Integer> trIdx = new ArrayList<>();
        List<Integer> teIdx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (train[i] ? trIdx : teIdx).add(i);
        }
        double[][] xtr = trIdx.stream().map(i -> x[i]).toArray(double[][]::new);
        double[] ytr = trIdx.stream().mapToDouble(i -> y[i]).toArray();
        double[] wtr = trIdx.stream().mapToDouble(i -> w == null ? 1 : w[i]).toArray();
        double[][] xteRows = teIdx.stream().map(i -> x[i]).toArray(double[][]::new);
        double[] yteRows = teIdx.stream().mapToDouble(i -> y[i]).toArray();
        double[] wte = teIdx.stream().mapToDouble(i -> w == null ? 1 : w[i]).toArray();
        // expand the (few) grouped test and train rows into observations for ROC, calibration and thresholds
        double[][] xte = expand(xteRows, wte);
        double[] yte = expand(yteRows, wte);
        LogisticModel model;
        try {
            model = LogisticRegression.defaults().withLevel(ctx.level()).fit(names, xtr, ytr, wtr);
        } catch (FapException e) {
            if (e.getMessage().contains("separated") || e.getMessage().contains("singular")) {
                model = LogisticRegression.defaults().withLevel(ctx.level()).withRidge(1.0).fit(names, xtr, ytr, wtr);
            } else {
                throw e;
            }
        }
        double[] ptr = expand(predict(model, xtr), wtr);
        double[] pte = predict(model, xte);
        double[] ytrObs = expand(ytr, wtr);
        AucResult trainAuc = Roc.auc(ptr, ytrObs, ctx.level());
        AucResult testAuc = Roc.auc(pte, yte, ctx.level());
        CalibrationResult cal = Calibration.of(pte, yte, Math.min(10, Math.max(3, yte.length / 20)));
        RocCurve roc = Roc.curve(pte, yte, 101);
        double threshold = youden(predict(model, xtr), ytr, wtr);
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < yte.length; i++) {
            boolean pos = pte[i] >= threshold;
            if (yte[i] == 1) {
                if (pos) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (pos) {
                fp++;
            } else {
                tn++;
            }
        }
        ConfusionMatrix cm = new ConfusionMatrix(threshold, tp, fp, tn, fn, Fractions.ratio(tp, tp + fp), Fractions.ratio(tp, tp + fn),
                Fractions.ratio(tn, tn + fp));
        List<FeatureImportance> imp = new ArrayList<>();
        List<double[]> raw = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[xtr.length];
            for (int i = 0; i < xtr.length; i++) {
                col[i] = xtr[i][j];
            }
            LogisticCoefficient c = model.coefficients().get(j + 1);
            double per = c.estimate() * weightedSd(col, wtr);
            raw.add(new double[] {j, per, c.pValue()});
        }
        raw.sort(Comparator.comparingDouble(a -> -Math.abs(a[1])));
        for (int r = 0; r < raw.size(); r++) {
            double[] a = raw.get(r);
            imp.add(new FeatureImportance(names.get((int) a[0]), a[1], Math.exp(a[1]), a[2], r + 1));
        }
        double events = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            events += wi * y[i];
            total += wi;
        }
        ModelEvaluation ev = new ModelEvaluation(target, unit, population, sampled, Math.round(Arrays.stream(wtr).sum()), yte.length,
                events / total, model, trainAuc,
                testAuc, cal, roc, cm, List.copyOf(imp));
        return new Fit(ev, model);
    }

    static double weightedSd(double[] v, double[] w) {
        double sw = 0;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            sw += w[i];
            s += w[i] * v[i];
        }
        double mean = s / sw;
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            ss += w[i] * (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(ss / (sw - 1));
    }

    static double[] expand(double[] v, double[] w) {
        int total = 0;
        for (double c : w) {
            total += (int) c;
        }
        double[] out = new double[total];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            for (int r = 0; r < (int) w[i]; r++) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    static double[][] expand(double[][] v, double[] w) {
        int total = 0;
        for (double c : w) {
            total += (int) c;
        }
        double[][] out = new double[total][];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            for (int r = 0; r < (int) w[i]; r++) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    static double[] predict(LogisticModel m, double[][] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = m.probability(x[i]);
        }
        return p;
    }

    /**
     * The threshold maximising TPR - FPR on the given scores, of rows standing for {@code w[i]}
     * observations each: TPR and FPR are evaluated at the end of each run of equal scores (descending),
     * so grouped rows give exactly the threshold of the expanded observations.
     */
    static double youden(double[] p, double[] y, double[] w) {
        int[] ascending = dev.fap.analytics.stats.SortOrder.ascending(p);
        long pos = 0;
        long all = 0;
        for (int i = 0; i < p.length; i++) {
            pos += (long) w[i] * (long) y[i];
            all += (long) w[i];
        }
        long neg = all - pos;
        long tp = 0;
        long fp = 0;
        double best = -1;
        double thr = 0.5;
        for (int k = p.length - 1; k >= 0; k--) {
            int i = ascending[k];
            if (y[i] == 1) {
                tp += (long) w[i];
            } else {
                fp += (long) w[i];
            }
            if (k == 0 || p[ascending[k - 1]] != p[i]) {
                double j = (double) tp / pos - (double) fp / neg;
                if (j > best) {
                    best = j;
                    thr = p[i];
                }
            }
        }
        return thr;
    }
}
