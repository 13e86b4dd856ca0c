package dev.fap.analytics.internal;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.time.LocalDate;
import org.jooq.Record;

/**
 * The data's clock: the first and the last transaction day of {@code gold.fact_transactions}, from one
 * parallel pass over the date column (the first statement of a run: every observation window starts or
 * ends on these days).
 *
 * @param startDate first transaction day
 * @param asOfDate  last transaction day, the data's "now"
 */
public record FactClock(LocalDate startDate, LocalDate asOfDate) {
    static final String QUERY = "select min(transaction_date) as start_day, max(transaction_date) as as_of from gold.fact_transactions";

    /** Reads the clock; fails with ANALYSIS_FAILED when there are no transactions. */
    public static FactClock load(Sql sql) {
        Record r = sql.one(QUERY);
        LocalDate asOf = r.get("as_of", LocalDate.class);
        if (asOf == null) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "gold.fact_transactions is empty: there is nothing to analyse",
                    "generate and load data, then build the warehouse (./fap run)");
        }
        return new FactClock(r.get("start_day", LocalDate.class), asOf);
    }

    /** The month {@code yyyymm} as a number of months since the start month (0 for the start month). */
    int monthIndex(int yyyymm) {
        return (yyyymm / 100 * 12 + yyyymm % 100) - (startDate.getYear() * 12 + startDate.getMonthValue());
    }

    /** Months from the start month to the as-of month, both included. */
    int months() {
        return monthIndex(asOfDate.getYear() * 100 + asOfDate.getMonthValue()) + 1;
    }
}
