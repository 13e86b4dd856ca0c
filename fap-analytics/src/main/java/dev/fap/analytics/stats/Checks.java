package dev.fap.analytics.stats;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;

/** Argument checks shared by the statistical routines; failures are {@link ErrorCode#ANALYSIS_FAILED}. */
final class Checks {
    private Checks() {
    }

    static FapException failure(String message, String hint) {
        return new FapException(ErrorCode.ANALYSIS_FAILED, message, hint);
    }

    static void level(double level) {
        if (!(level > 0 && level < 1)) {
            throw FapException.invalidArgument("confidence level must lie in (0, 1), was " + level,
                    "pass e.g. 0.95 for a 95% interval");
        }
    }

    static void minSize(double[] x, int min, String what) {
        if (x == null || x.length < min) {
            throw failure(what + " needs at least " + min + " observations, had " + (x == null ? 0 : x.length),
                    "collect more data or widen the selection");
        }
    }

    static void finite(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw failure(what + " holds a non-finite value at index " + i + ": " + x[i],
                        "remove or impute missing values before the analysis");
            }
        }
    }
}
