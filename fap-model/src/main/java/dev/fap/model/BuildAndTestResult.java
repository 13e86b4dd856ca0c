package dev.fap.model;

import java.util.Objects;

/**
 * The outcome of {@link Warehouse#buildAndTest}: the build and the test run of the selected models' checks,
 * which ran as the models they read were built. Each is the result {@link Warehouse#build} and
 * {@link Warehouse#test} would have given, recorded as its own run in {@code fap_meta.runs} and
 * {@code run_results.json}.
 *
 * <pre>{@code
 * BuildAndTestResult r = wh.buildAndTest(Selection.all(), BuildOptions.defaults().withFullRefresh());
 * r.build().models().size();   // models built
 * r.test().failed();           // checks failed
 * System.out.println(r);       // both tables
 * r.orThrow();                 // FapException(BUILD_FAILED) or (CHECKS_FAILED)
 * }</pre>
 *
 * @param build the build
 * @param test  the checks; a check of a model that was not built is {@link Status#SKIPPED}
 */
public record BuildAndTestResult(BuildResult build, TestResult test) {
    public BuildAndTestResult {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(test, "test");
    }

    /** True if every model was built and no check of severity error failed. */
    public boolean ok() {
        return build.ok() && test.ok();
    }

    /**
     * Returns this if {@link #ok()}, else throws the build's {@code FapException} (code {@code BUILD_FAILED})
     * if a model failed, or the checks' (code {@code CHECKS_FAILED}).
     */
    public BuildAndTestResult orThrow() {
        build.orThrow();
        test.orThrow();
        return this;
    }

    @Override
    public String toString() {
        return build + "\n" + test;
    }
}
