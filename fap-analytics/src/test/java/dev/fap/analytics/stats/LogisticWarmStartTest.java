package dev.fap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.FapException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A warm-started IRLS fit reaches the same maximum-likelihood estimate as statsmodels, in fewer iterations. */
class LogisticWarmStartTest {

    @Test
    void warmStartReachesTheStatsmodelsEstimateInFewerIterations() {
        LogisticModel cold = LogisticRegression.defaults().fit(List.of("x1", "x2"), StatsReferenceTest.logitX(), StatsReferenceTest.LOGIT_Y);
        // a start near the optimum (as the full-sample fit is for a bootstrap resample)
        double[] start = {0.35, 0.4, -0.9};
        LogisticModel warm = LogisticRegression.defaults().withStart(start)
                .fit(List.of("x1", "x2"), StatsReferenceTest.logitX(), StatsReferenceTest.LOGIT_Y);
        // sm.Logit(Y, sm.add_constant(X)).fit(method="newton", tol=1e-14, maxiter=100).params (see StatsReferenceTest)
        double[] params = {0.3976421126971844, 0.4251856721846618, -0.9147618522329576};
        for (int j = 0; j < 3; j++) {
            assertThat(warm.coefficients().get(j).estimate()).isCloseTo(params[j], org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
        assertThat(warm.iterations()).isLessThan(cold.iterations());
        assertThat(LogisticRegression.coefficients(cold)).hasSize(3).containsExactly(cold.coefficients().stream()
                .mapToDouble(LogisticCoefficient::estimate).toArray());
        assertThatThrownBy(() -> LogisticRegression.defaults().withStart(0.1, 0.2)
                .fit(List.of("x1", "x2"), StatsReferenceTest.logitX(), StatsReferenceTest.LOGIT_Y))
                .isInstanceOf(FapException.class).hasMessageContaining("starting coefficients must be 3");
        assertThatThrownBy(() -> LogisticRegression.defaults().withStart(Double.NaN, 0, 0)).isInstanceOf(FapException.class);
    }
}
