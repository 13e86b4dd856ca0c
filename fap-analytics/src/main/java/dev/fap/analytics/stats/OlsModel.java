package dev.fap.analytics.stats;

import java.util.List;

/**
 * A fitted ordinary-least-squares regression.
 *
 * @param method        {@code "OLS"} with the covariance estimator, e.g. {@code "OLS, HC1 standard errors"}
 * @param covariance    the covariance estimator
 * @param n             observations
 * @param clusters      number of clusters (cluster-robust covariance), else 0
 * @param coefficients  intercept first, then the terms in input order
 * @param rSquared      {@code 1 - RSS/TSS}
 * @param adjustedRSquared {@code 1 - (1 - R²)(n - 1)/(n - k)}
 * @param residualStandardError {@code √(RSS/(n - k))}
 * @param dfInference   degrees of freedom of the t tests: n - k, or G - 1 for cluster-robust
 */
public record OlsModel(String method, LinearRegression.Covariance covariance, long n, long clusters,
                       List<RegressionCoefficient> coefficients, double rSquared, double adjustedRSquared,
                       double residualStandardError, double dfInference) {

    /** The coefficient of a named term. */
    public RegressionCoefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                dev.fap.core.FapException.invalidArgument("no term '" + name + "' in the model",
                        "use one of " + coefficients.stream().map(RegressionCoefficient::name).toList()));
    }
}
