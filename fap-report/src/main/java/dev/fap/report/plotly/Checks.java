package dev.fap.report.plotly;

import dev.fap.core.FapException;
import java.util.List;

/** Argument checks shared by the trace factories. */
final class Checks {
    private Checks() {
    }

    static void sameSize(List<?> a, List<?> b, String what) {
        if (a.size() != b.size()) {
            throw FapException.invalidArgument(what + " need the same number of values, were " + a.size() + " and " + b.size(),
                    "pass one value per category");
        }
    }
}
