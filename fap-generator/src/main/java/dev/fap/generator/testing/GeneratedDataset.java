package dev.fap.generator.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes the dataset {@link FinancialDatasetExtension} hands to a test: put it on the parameter,
 * the test method or the test class (the nearest wins). Defaults are a small dataset that builds
 * in well under a second.
 *
 * <pre>{@code
 * @ExtendWith(FinancialDatasetExtension.class)
 * @GeneratedDataset(customers = 50, transactions = 2_000)
 * class MyTest {
 *     @Test
 *     void works(FinancialDataset ds) { ... }
 *
 *     @Test
 *     void dirty(@GeneratedDataset(seed = 3, dirtyRate = 0.02) FinancialDataset ds) { ... }
 *
 *     @Test
 *     void german(@GeneratedDataset(locale = "de-DE", fraudRate = 0.02) FinancialDataset ds) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface GeneratedDataset {
    long seed() default 42;

    int customers() default 100;

    long transactions() default 5_000;

    int merchants() default 100;

    int campaigns() default 12;

    /** ISO date of the first day. */
    String start() default "2023-01-01";

    /** ISO date of the last day (inclusive). */
    String end() default "2024-12-31";

    double dirtyRate() default 0.0;

    /** Language tag of the locale, e.g. {@code "de-DE"} (see {@link dev.fap.generator.DatasetSpec#withLocale}). */
    String locale() default "en-US";

    /** Share of purchases that are fraud; negative (the default) = the generator's own rate. */
    double fraudRate() default -1;

    /** Share of transactions declined; negative (the default) = the generator's own rate. */
    double declineRate() default -1;

    /** Annual churn; negative (the default) = the generator's own rate. */
    double churnRate() default -1;
}
