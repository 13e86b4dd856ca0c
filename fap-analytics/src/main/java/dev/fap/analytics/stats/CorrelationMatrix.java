package dev.fap.analytics.stats;

import java.util.List;

/**
 * Pairwise correlations of named variables with two-sided p-values.
 *
 * @param method    {@code "Pearson"} or {@code "Spearman"}
 * @param variables variable names, the row and column order of the matrices
 * @param n         number of observations (complete rows)
 * @param r         correlation coefficients, symmetric, 1 on the diagonal
 * @param pValue    p-values of {@code H0: ρ = 0} from {@code t = r√((n-2)/(1-r²))} on n-2 df (0 on the diagonal)
 */
public record CorrelationMatrix(String method, List<String> variables, long n, double[][] r, double[][] pValue) {

    /** The coefficient between two named variables. */
    public double r(String a, String b) {
        return r[index(a)][index(b)];
    }

    /** The p-value between two named variables. */
    public double pValue(String a, String b) {
        return pValue[index(a)][index(b)];
    }

    private int index(String name) {
        int i = variables.indexOf(name);
        if (i < 0) {
            throw dev.fap.core.FapException.invalidArgument("no variable '" + name + "' in the correlation matrix",
                    "use one of " + variables);
        }
        return i;
    }
}
