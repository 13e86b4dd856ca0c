package dev.fap.generator.internal;

/**
 * SplitMix64: a small, fast, well-mixed pseudo-random generator whose output is fixed by its
 * algorithm (written out here), so the same seed gives the same numbers on every JVM and machine.
 * Transcendental functions go through {@link StrictMath} for the same reason.
 *
 * <p>Streams are derived from the dataset seed and a path of integers ({@link #of(long, long...)}),
 * so every customer, table and batch has an independent stream whatever the thread that runs it.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian = Double.NaN;

    private Rng(long state) {
        this.state = state;
    }

    /** The stream for {@code seed} and a path such as (STREAM_CUSTOMER, customerIndex, window). */
    public static Rng of(long seed, long... path) {
        long s = mix(seed ^ 0x5DEECE66DL);
        for (long p : path) {
            s = mix(s + GOLDEN * (p + 1));
        }
        return new Rng(s);
    }

    /** The SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound), bound &gt; 0 (Lemire's unbiased method). */
    public int nextInt(int bound) {
        long r = (nextLong() >>> 32) * bound;
        int low = (int) r;
        if (Integer.compareUnsigned(low, bound) < 0) {
            int t = (int) (Integer.toUnsignedLong(-bound) % bound);
            while (Integer.compareUnsigned(low, t) < 0) {
                r = (nextLong() >>> 32) * bound;
                low = (int) r;
            }
        }
        return (int) (r >>> 32);
    }

    /** Uniform integer in [lo, hi] inclusive. */
    public int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Marsaglia polar method). */
    public double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    public double normal(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** exp(N(mu, sigma)). */
    public double lognormal(double mu, double sigma) {
        return StrictMath.exp(mu + sigma * gaussian());
    }

    /** Exponential with the given mean. */
    public double exponential(double mean) {
        return -mean * StrictMath.log(1 - nextDouble());
    }

    /** Poisson (inversion; for large means a rounded normal approximation). */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, (int) Math.round(normal(mean, StrictMath.sqrt(mean))));
        }
        double l = StrictMath.exp(-mean);
        int k = 0;
        double p = nextDouble();
        double cdf = l;
        double term = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= mean / k;
            cdf += term;
        }
        return k;
    }

    /** Binomial(n, p): exact for small n, normal approximation otherwise; result in [0, n]. */
    public long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 64) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double m = n * p;
        long k = Math.round(normal(m, StrictMath.sqrt(m * (1 - p))));
        return Math.max(0, Math.min(n, k));
    }

    /** Index drawn with probabilities proportional to {@code weights}. */
    public int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Index drawn from a cumulative weight array ({@code cumulative[i]} = sum of weights 0..i). */
    public int pickCumulative(double[] cumulative) {
        double u = nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    public <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** 1/(1+exp(-x)). */
    public static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }
}
