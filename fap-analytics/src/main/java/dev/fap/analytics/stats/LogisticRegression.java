package dev.fap.analytics.stats;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Logistic regression by iteratively reweighted least squares (Newton–Raphson on the log-likelihood),
 * with an intercept, optional case weights and an optional ridge (L2) penalty.
 *
 * <pre>{@code
 * LogisticModel m = LogisticRegression.defaults().fit(names, x, y);            // maximum likelihood
 * LogisticModel r = LogisticRegression.defaults().withRidge(1.0).fit(names, x, y);
 * }</pre>
 *
 * <p>Iteration: {@code p = σ(Xβ)}, {@code W = diag(w·p(1-p))}, {@code β ← β + (XᵀWX + Λ)⁻¹(Xᵀw(y - p) - Λβ)}
 * with {@code Λ = λ·diag(0, 1, …, 1)} (the intercept is not penalised), halving the step while the
 * penalised deviance increases. Converged when {@code |D - D_old| / (|D| + 0.1) < tolerance}.
 * Standard errors {@code √diag((XᵀWX + Λ)⁻¹)} at the optimum (Wald). With λ = 0 this is the
 * maximum-likelihood fit of {@code statsmodels.Logit} / R's {@code glm(family = binomial)}.
 *
 * <p>Fails with {@link dev.fap.core.ErrorCode#ANALYSIS_FAILED} when y does not vary, when the design is
 * singular (constant or collinear columns are named), or when the classes are (quasi-)separated so
 * that the maximum-likelihood estimate does not exist: then use {@link #withRidge(double)}.
 * Immutable and thread-safe.
 */
public final class LogisticRegression {
    /** Name of the constant term. */
    public static final String INTERCEPT = "(intercept)";

    private final double ridge;
    private final int maxIterations;
    private final double tolerance;
    private final double level;
    private final double[] start;

    private LogisticRegression(double ridge, int maxIterations, double tolerance, double level, double[] start) {
        this.ridge = ridge;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.level = level;
        this.start = start;
    }

    /** Plain maximum likelihood, at most 100 iterations, tolerance 1e-12, 95% intervals. */
    public static LogisticRegression defaults() {
        return new LogisticRegression(0.0, 100, 1e-12, 0.95, null);
    }

    /** With an L2 penalty {@code λ/2·Σ_{j≥1} βj²} (λ ≥ 0) on the scale of the given features. */
    public LogisticRegression withRidge(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw FapException.invalidArgument("ridge penalty must be finite and ≥ 0, was " + lambda, "pass e.g. 1.0");
        }
        return new LogisticRegression(lambda, maxIterations, tolerance, level, start);
    }

    /** With another iteration limit. */
    public LogisticRegression withMaxIterations(int max) {
        if (max < 1) {
            throw FapException.invalidArgument("maxIterations must be ≥ 1, was " + max, "pass e.g. 100");
        }
        return new LogisticRegression(ridge, max, tolerance, level, start);
    }

    /** With another confidence level for the coefficient intervals. */
    public LogisticRegression withLevel(double level) {
        Checks.level(level);
        return new LogisticRegression(ridge, maxIterations, tolerance, level, start);
    }

    /**
     * With starting coefficients for the iterations (intercept first, then one per feature) instead of
     * the intercept-only start: a warm start, e.g. from the full-sample fit when re-fitting bootstrap
     * resamples, which then converge in two or three Newton steps instead of six or seven. The optimum is
     * the same (the log-likelihood is concave); it is reached to the same tolerance.
     */
    public LogisticRegression withStart(double... coefficients) {
        Checks.finite(coefficients, "starting coefficients");
        return new LogisticRegression(ridge, maxIterations, tolerance, level, coefficients.clone());
    }

    /** The coefficients (intercept first) of a fitted model, e.g. to warm-start {@link #withStart} from. */
    public static double[] coefficients(LogisticModel model) {
        return model.coefficients().stream().mapToDouble(LogisticCoefficient::estimate).toArray();
    }

    /** Fits unweighted: {@code x[i]} is the feature row of observation i (no intercept column), y in {0, 1}. */
    public LogisticModel fit(List<String> names, double[][] x, double[] y) {
        return fit(names, x, y, null);
    }

    /** Fits with case weights {@code w} (null for all 1), e.g. counts of grouped observations. */
    public LogisticModel fit(List<String> names, double[][] x, double[] y, double[] w) {
        int n = x.length;
        int p = names.size() + 1;
        validate(names, x, y, w);
        double[] weight = w != null ? w : filled(n, 1.0);
        double sw = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sw += weight[i];
            sy += weight[i] * y[i];
        }
        if (sy <= 0 || sy >= sw) {
            throw Checks.failure("logistic regression needs both outcomes, had " + sy + " events in " + sw + " observations",
                    "the outcome does not vary in this data (e.g. no fraud at all)");
        }
        double[][] design = new double[n][p];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1.0;
            System.arraycopy(x[i], 0, design[i], 1, p - 1);
        }
        double[] beta = new double[p];
        if (start != null) {
            if (start.length != p) {
                throw FapException.invalidArgument("starting coefficients must be " + p + " (intercept and " + (p - 1)
                        + " features), were " + start.length, "pass the coefficients of a model with the same features");
            }
            System.arraycopy(start, 0, beta, 0, p);
        } else {
            beta[0] = Math.log(sy / (sw - sy));
        }
        double dev = deviance(design, y, weight, beta) + penalty(beta);
        boolean converged = false;
        int it = 0;
        RealMatrix info = null;
        while (it < maxIterations) {
            it++;
            double[] grad = new double[p];
            double[][] h = new double[p][p];
            for (int i = 0; i < n; i++) {
                double[] row = design[i];
                double pi = sigmoid(dot(row, beta));
                double wi = weight[i] * pi * (1 - pi);
                double ri = weight[i] * (y[i] - pi);
                for (int a = 0; a < p; a++) {
                    grad[a] += row[a] * ri;
                    double wa = wi * row[a];
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += wa * row[b];
                    }
                }
            }
            for (int a = 1; a < p; a++) {
                h[a][a] += ridge;
                grad[a] -= ridge * beta[a];
            }
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    h[a][b] = h[b][a];
                }
            }
            info = new Array2DRowRealMatrix(h, false);
            double[] step;
            try {
                step = solver(info, names, design).solve(new org.apache.commons.math3.linear.ArrayRealVector(grad, false)).toArray();
            } catch (FapException e) {
                if (it == 1 || ridge > 0) {
                    throw e;
                }
                break; // the weights p(1-p) vanished while β diverged: separation, reported below
            }
            double scale = 1.0;
            double[] next = new double[p];
            double devNext;
            int halvings = 0;
            while (true) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] + scale * step[a];
                }
                devNext = deviance(design, y, weight, next) + penalty(next);
                if (devNext <= dev + 1e-12 * Math.abs(dev) || halvings > 30) {
                    break;
                }
                scale /= 2;
                halvings++;
            }
            System.arraycopy(next, 0, beta, 0, p);
            double change = Math.abs(devNext - dev) / (Math.abs(devNext) + 0.1);
            dev = devNext;
            if (change < tolerance) {
                converged = true;
                break;
            }
        }
        // information matrix at the final estimate
        info = new Array2DRowRealMatrix(hessian(design, weight, beta), false);
        checkSeparation(names, design, y, beta, converged);
        RealMatrix cov = solver(info, names, design).getInverse();
        double crit = Distributions.normalCritical(level);
        List<LogisticCoefficient> coefs = new ArrayList<>(p);
        for (int a = 0; a < p; a++) {
            double se = Math.sqrt(cov.getEntry(a, a));
            double z = beta[a] / se;
            double lo = beta[a] - crit * se;
            double hi = beta[a] + crit * se;
            coefs.add(new LogisticCoefficient(a == 0 ? INTERCEPT : names.get(a - 1), beta[a], se, z,
                    Distributions.normalTwoSided(z), new ConfidenceInterval(lo, hi, level), Math.exp(beta[a]),
                    new ConfidenceInterval(Math.exp(lo), Math.exp(hi), level)));
        }
        double ll = -deviance(design, y, weight, beta) / 2;
        double pbar = sy / sw;
        double ll0 = sy * Math.log(pbar) + (sw - sy) * Math.log(1 - pbar);
        String method = ridge == 0 ? "logistic regression (IRLS)" : "logistic regression (IRLS, ridge λ=" + ridge + ")";
        return new LogisticModel(method, sw, sy, List.copyOf(coefs), ll, ll0, 1 - ll / ll0, 2 * p - 2 * ll, it, converged, ridge);
    }

    private double[][] hessian(double[][] design, double[] weight, double[] beta) {
        int p = beta.length;
        double[][] h = new double[p][p];
        for (int i = 0; i < design.length; i++) {
            double[] row = design[i];
            double pi = sigmoid(dot(row, beta));
            double wi = weight[i] * pi * (1 - pi);
            for (int a = 0; a < p; a++) {
                double wa = wi * row[a];
                for (int b = 0; b <= a; b++) {
                    h[a][b] += wa * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            if (a > 0) {
                h[a][a] += ridge;
            }
            for (int b = a + 1; b < p; b++) {
                h[a][b] = h[b][a];
            }
        }
        return h;
    }

    private void checkSeparation(List<String> names, double[][] design, double[] y, double[] beta, boolean converged) {
        if (ridge > 0) {
            if (!converged) {
                throw Checks.failure("ridge logistic regression did not converge in " + maxIterations + " iterations",
                        "increase withMaxIterations or the ridge penalty");
            }
            return;
        }
        List<String> suspects = new ArrayList<>();
        for (int a = 1; a < beta.length; a++) {
            double[] col = new double[design.length];
            for (int i = 0; i < design.length; i++) {
                col[i] = design[i][a];
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : col) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            // a one-SD change multiplying the odds by e^15, or the observed range by e^40, means separation
            if (Math.abs(beta[a]) * Moments.of(col).sd() > 15 || Math.abs(beta[a]) * (max - min) > 40) {
                suspects.add(names.get(a - 1));
            }
        }
        if (!converged || !suspects.isEmpty()) {
            throw Checks.failure("logistic regression has no finite maximum-likelihood estimate: the outcome is (quasi-)perfectly "
                            + "separated" + (suspects.isEmpty() ? "" : " by " + suspects) + " (converged=" + converged + ")",
                    "drop the separating feature or fit with LogisticRegression.defaults().withRidge(1.0)");
        }
    }

    private static DecompositionSolver solver(RealMatrix info, List<String> names, double[][] design) {
        try {
            return new CholeskyDecomposition(info, 1e-12, 1e-12).getSolver();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            List<String> constant = new ArrayList<>();
            for (int a = 1; a < design[0].length; a++) {
                double first = design[0][a];
                boolean same = true;
                for (double[] row : design) {
                    if (row[a] != first) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    constant.add(names.get(a - 1));
                }
            }
            throw Checks.failure("logistic regression design matrix is singular"
                            + (constant.isEmpty() ? ": some features are collinear" : ": constant features " + constant),
                    "drop constant or collinear features, or fit with withRidge(λ > 0)");
        }
    }

    private static void validate(List<String> names, double[][] x, double[] y, double[] w) {
        if (x.length != y.length || (w != null && w.length != y.length)) {
            throw FapException.invalidArgument("x, y and weights must have equal lengths, had " + x.length + ", " + y.length
                    + (w == null ? "" : ", " + w.length), "pass one row per observation");
        }
        if (x.length < names.size() + 2) {
            throw Checks.failure("logistic regression with " + names.size() + " features needs more than " + (names.size() + 1)
                    + " observations, had " + x.length, "collect more data or use fewer features");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != names.size()) {
                throw FapException.invalidArgument("row " + i + " has " + x[i].length + " features, expected " + names.size(),
                        "pass the features " + names);
            }
            if (!(y[i] == 0 || y[i] == 1)) {
                throw FapException.invalidArgument("y must be 0 or 1, found " + y[i] + " at row " + i, "encode the outcome as 0/1");
            }
            Checks.finite(x[i], "feature row " + i);
            if (w != null && !(w[i] >= 0 && Double.isFinite(w[i]))) {
                throw FapException.invalidArgument("weights must be finite and ≥ 0, found " + w[i], "pass case weights");
            }
        }
    }

    private double penalty(double[] beta) {
        double s = 0;
        for (int a = 1; a < beta.length; a++) {
            s += beta[a] * beta[a];
        }
        return ridge * s; // deviance scale: 2 · (λ/2)Σβ²
    }

    private static double deviance(double[][] design, double[] y, double[] w, double[] beta) {
        double d = 0;
        for (int i = 0; i < design.length; i++) {
            double eta = dot(design[i], beta);
            // -2·[y·log σ(η) + (1-y)·log(1-σ(η))] computed stably
            double logP = -log1pExp(-eta);
            double log1mP = -log1pExp(eta);
            d -= 2 * w[i] * (y[i] * logP + (1 - y[i]) * log1mP);
        }
        return d;
    }

    private static double log1pExp(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The logistic function {@code 1/(1 + e^{-η})}. */
    public static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
