package dev.fap.generator.internal;

/**
 * Walker/Vose alias table: draws an index with probability proportional to fixed weights in O(1)
 * (one uniform integer and one uniform double). Built deterministically, so draws are reproducible.
 */
final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    AliasTable(double[] weights) {
        int n = weights.length;
        prob = new double[n];
        alias = new int[n];
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            prob[large[--nl]] = 1;
        }
        while (ns > 0) {
            prob[small[--ns]] = 1;
        }
    }

    int sample(Rng r) {
        int i = r.nextInt(prob.length);
        return r.nextDouble() < prob[i] ? i : alias[i];
    }

    int size() {
        return prob.length;
    }
}
