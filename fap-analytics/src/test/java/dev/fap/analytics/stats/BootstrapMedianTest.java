package dev.fap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Bootstrap#MEDIAN} (counting and sorted-sample jackknife) gives exactly the generic median bootstrap's results. */
class BootstrapMedianTest {

    @Test
    void fastMedianEqualsTheGenericStatisticExactly() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {2, 3, 10, 101, 1000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // ties on purpose: amounts in whole units, a skewed distribution like spend
                x[i] = Math.floor(Math.exp(3 + r.nextGaussian()));
            }
            Bootstrap boot = Bootstrap.of(500, 42L);
            assertThat(boot.resample(x, Bootstrap.MEDIAN)).containsExactly(boot.resample(x, s -> Quantiles.of(s, 0.5)));
            assertThat(Bootstrap.acceleration(x, Bootstrap.MEDIAN)).isEqualTo(Bootstrap.acceleration(x, s -> Quantiles.of(s, 0.5)));
            if (n >= 10) {
                assertThat(boot.bca(x, Bootstrap.MEDIAN, 0.95)).isEqualTo(boot.bca(x, s -> Quantiles.of(s, 0.5), 0.95));
            }
            for (double p : new double[] {0, 0.1, 0.5, 0.9, 1}) {
                assertThat(Quantiles.select(x, p)).isEqualTo(Quantiles.of(x, p));
            }
        }
    }
}
