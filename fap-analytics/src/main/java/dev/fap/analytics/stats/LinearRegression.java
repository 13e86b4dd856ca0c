package dev.fap.analytics.stats;

import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Ordinary least squares with classical, heteroskedasticity-robust (HC0, HC1, HC3) or cluster-robust
 * (CR1) standard errors. Used for difference-in-differences and lagged regressions.
 *
 * <pre>{@code
 * OlsModel did = LinearRegression.defaults().withCovariance(Covariance.HC1)
 *         .fit(List.of("treated", "post", "treated_x_post"), x, y);
 * OlsModel panel = LinearRegression.defaults().fitClustered(names, x, y, customerIds);
 * }</pre>
 *
 * <p>{@code β = (XᵀX)⁻¹Xᵀy} by Householder QR, {@code e = y - Xβ}, {@code B = (XᵀX)⁻¹}:
 * <ul>
 *   <li>CLASSICAL: {@code σ̂²B}, {@code σ̂² = eᵀe/(n - k)};</li>
 *   <li>HC0: {@code B(Σ e_i² x_i x_iᵀ)B}; HC1: HC0·n/(n - k); HC3: {@code B(Σ e_i²/(1 - h_ii)² x_i x_iᵀ)B},
 *       {@code h_ii = x_iᵀBx_i} (White 1980; MacKinnon &amp; White 1985);</li>
 *   <li>CLUSTER (CR1): {@code c·B(Σ_g u_g u_gᵀ)B}, {@code u_g = Σ_{i∈g} x_i e_i},
 *       {@code c = G/(G - 1)·(n - 1)/(n - k)} (Stata's small-sample factor), t tests on G - 1 df.</li>
 * </ul>
 * Other estimators test on n - k df. Immutable and thread-safe.
 */
public final class LinearRegression {
    /** Covariance estimators. */
    public enum Covariance {
        CLASSICAL, HC0, HC1, HC3, CLUSTER
    }

    private final Covariance covariance;
    private final double level;

    private LinearRegression(Covariance covariance, double level) {
        this.covariance = covariance;
        this.level = level;
    }

    /** HC1 standard errors, 95% intervals. */
    public static LinearRegression defaults() {
        return new LinearRegression(Covariance.HC1, 0.95);
    }

    /** With another covariance estimator (use {@link #fitClustered} for CLUSTER). */
    public LinearRegression withCovariance(Covariance covariance) {
        return new LinearRegression(covariance, level);
    }

    /** With another confidence level. */
    public LinearRegression withLevel(double level) {
        Checks.level(level);
        return new LinearRegression(covariance, level);
    }

    /** Fits {@code y ~ 1 + x}; {@code x[i]} is the row of observation i without intercept. */
    public OlsModel fit(List<String> names, double[][] x, double[] y) {
        if (covariance == Covariance.CLUSTER) {
            throw FapException.invalidArgument("cluster-robust errors need cluster ids", "call fitClustered(names, x, y, clusters)");
        }
        return fit(names, x, y, null, covariance);
    }

    /** Fits with cluster-robust (CR1) standard errors; {@code clusters[i]} is the cluster of row i. */
    public OlsModel fitClustered(List<String> names, double[][] x, double[] y, long[] clusters) {
        if (clusters == null || clusters.length != y.length) {
            throw FapException.invalidArgument("need one cluster id per observation", "pass e.g. the customer key of each row");
        }
        return fit(names, x, y, clusters, Covariance.CLUSTER);
    }

    private OlsModel fit(List<String> names, double[][] x, double[] y, long[] clusters, Covariance cov) {
        int n = y.length;
        int k = names.size() + 1;
        if (x.length != n) {
            throw FapException.invalidArgument("x has " + x.length + " rows but y has " + n, "pass one row per observation");
        }
        if (n <= k) {
            throw Checks.failure("OLS with " + k + " parameters needs more than " + k + " observations, had " + n,
                    "collect more data or use fewer terms");
        }
        Checks.finite(y, "response");
        double[][] design = new double[n][k];
        for (int i = 0; i < n; i++) {
            if (x[i].length != k - 1) {
                throw FapException.invalidArgument("row " + i + " has " + x[i].length + " terms, expected " + (k - 1),
                        "pass the terms " + names);
            }
            Checks.finite(x[i], "row " + i);
            design[i][0] = 1;
            System.arraycopy(x[i], 0, design[i], 1, k - 1);
        }
        Array2DRowRealMatrix xm = new Array2DRowRealMatrix(design, false);
        QRDecomposition qr = new QRDecomposition(xm, 1e-10);
        double[] beta;
        try {
            beta = qr.getSolver().solve(new ArrayRealVector(y, false)).toArray();
        } catch (SingularMatrixException e) {
            throw Checks.failure("OLS design matrix is rank deficient: terms " + names + " are constant or collinear",
                    "drop a constant or redundant term");
        }
        RealMatrix r = qr.getR().getSubMatrix(0, k - 1, 0, k - 1);
        RealMatrix rInv = new QRDecomposition(r).getSolver().getInverse();
        RealMatrix bread = rInv.multiply(rInv.transpose()); // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ
        double[] e = new double[n];
        double rss = 0;
        double ymean = Moments.of(y).mean();
        double tss = 0;
        for (int i = 0; i < n; i++) {
            e[i] = y[i] - LogisticRegression.dot(design[i], beta);
            rss += e[i] * e[i];
            tss += (y[i] - ymean) * (y[i] - ymean);
        }
        double[][] b = bread.getData();
        double[][] v;
        double df = n - k;
        long groups = 0;
        switch (cov) {
            case CLASSICAL -> {
                v = new double[k][k];
                double s2 = rss / (n - k);
                for (int a = 0; a < k; a++) {
                    for (int c = 0; c < k; c++) {
                        v[a][c] = s2 * b[a][c];
                    }
                }
            }
            case HC0, HC1, HC3 -> {
                double[][] meat = new double[k][k];
                for (int i = 0; i < n; i++) {
                    double w = e[i] * e[i];
                    if (cov == Covariance.HC3) {
                        double h = quadratic(b, design[i]);
                        w /= (1 - h) * (1 - h);
                    }
                    addOuter(meat, design[i], w);
                }
                v = sandwich(b, meat, cov == Covariance.HC1 ? (double) n / (n - k) : 1.0);
            }
            default -> {
                Map<Long, double[]> scores = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    double[] u = scores.computeIfAbsent(clusters[i], g -> new double[k]);
                    for (int a = 0; a < k; a++) {
                        u[a] += design[i][a] * e[i];
                    }
                }
                groups = scores.size();
                if (groups < 2) {
                    throw Checks.failure("cluster-robust errors need at least 2 clusters, had " + groups,
                            "use heteroskedasticity-robust errors instead");
                }
                double[][] meat = new double[k][k];
                for (double[] u : scores.values()) {
                    addOuter(meat, u, 1.0);
                }
                double c = (double) groups / (groups - 1) * (n - 1.0) / (n - k);
                v = sandwich(b, meat, c);
                df = groups - 1;
            }
        }
        double crit = Distributions.tCritical(level, df);
        List<RegressionCoefficient> coefs = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            double se = Math.sqrt(v[a][a]);
            double t = beta[a] / se;
            double p = se > 0 ? Distributions.tTwoSided(t, df) : (beta[a] == 0 ? 1.0 : 0.0);
            coefs.add(new RegressionCoefficient(a == 0 ? LogisticRegression.INTERCEPT : names.get(a - 1), beta[a], se,
                    se > 0 ? t : 0.0, p, new ConfidenceInterval(beta[a] - crit * se, beta[a] + crit * se, level)));
        }
        double r2 = tss > 0 ? 1 - rss / tss : 0.0;
        String label = cov == Covariance.CLUSTER ? "OLS, cluster-robust (CR1) standard errors"
                : cov == Covariance.CLASSICAL ? "OLS, classical standard errors" : "OLS, " + cov + " standard errors";
        return new OlsModel(label, cov, n, groups, List.copyOf(coefs), r2, 1 - (1 - r2) * (n - 1) / (n - k),
                Math.sqrt(rss / (n - k)), df);
    }

    private static double quadratic(double[][] b, double[] x) {
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            double t = 0;
            for (int c = 0; c < x.length; c++) {
                t += b[a][c] * x[c];
            }
            s += x[a] * t;
        }
        return s;
    }

    private static void addOuter(double[][] m, double[] x, double w) {
        for (int a = 0; a < x.length; a++) {
            double wa = w * x[a];
            for (int c = 0; c < x.length; c++) {
                m[a][c] += wa * x[c];
            }
        }
    }

    private static double[][] sandwich(double[][] b, double[][] meat, double factor) {
        RealMatrix bm = new Array2DRowRealMatrix(b, false);
        double[][] v = bm.multiply(new Array2DRowRealMatrix(meat, false)).multiply(bm).getData();
        for (double[] row : v) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= factor;
            }
        }
        return v;
    }
}
