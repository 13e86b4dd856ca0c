package dev.fap.analytics.stats;

import java.util.List;

/**
 * A fitted logistic regression {@code P(y = 1 | x) = 1/(1 + exp(-(β0 + Σ βj xj)))}.
 *
 * <pre>{@code
 * LogisticModel m = LogisticRegression.defaults().fit(List.of("age", "income"), x, y);
 * double p = m.probability(new double[] {41, 52_000});
 * }</pre>
 *
 * @param method              {@code "logistic regression (IRLS)"} or {@code "... (IRLS, ridge λ=…)"}
 * @param n                   observations (sum of weights when weighted)
 * @param events              number (weighted) of y = 1
 * @param coefficients        intercept first, then the terms in input order
 * @param logLikelihood       maximised log-likelihood (without the ridge penalty)
 * @param nullLogLikelihood   log-likelihood of the intercept-only model
 * @param mcFaddenR2          {@code 1 - ll/ll0}
 * @param aic                 {@code 2k - 2ll}
 * @param iterations          Newton/IRLS iterations used
 * @param converged           true when the relative change of the deviance fell below the tolerance
 * @param ridge               the L2 penalty λ (0 for plain maximum likelihood)
 */
public record LogisticModel(String method, double n, double events, List<LogisticCoefficient> coefficients,
                            double logLikelihood, double nullLogLikelihood, double mcFaddenR2, double aic,
                            int iterations, boolean converged, double ridge) {

    /** The linear predictor {@code β0 + Σ βj xj} for one row of features (without intercept column). */
    public double linearPredictor(double[] x) {
        if (x.length != coefficients.size() - 1) {
            throw dev.fap.core.FapException.invalidArgument("expected " + (coefficients.size() - 1) + " features, got " + x.length,
                    "pass the features in the order of the fit: " + coefficients.stream().skip(1).map(LogisticCoefficient::name).toList());
        }
        double eta = coefficients.get(0).estimate();
        for (int j = 0; j < x.length; j++) {
            eta += coefficients.get(j + 1).estimate() * x[j];
        }
        return eta;
    }

    /** The fitted probability for one row of features. */
    public double probability(double[] x) {
        return LogisticRegression.sigmoid(linearPredictor(x));
    }

    /** The coefficient of a named term. */
    public LogisticCoefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                dev.fap.core.FapException.invalidArgument("no term '" + name + "' in the model",
                        "use one of " + coefficients.stream().map(LogisticCoefficient::name).toList()));
    }
}
