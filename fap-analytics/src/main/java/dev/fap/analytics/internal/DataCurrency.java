package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.AnalyticsReport;
import java.util.List;
import org.jooq.Record;

/**
 * The currency the data's amounts are in: the most frequent well-formed ISO 4217 code ({@code [A-Z]{3}})
 * among the accounts of {@code silver.stg_accounts} (every transaction is in its account's currency), ties
 * broken alphabetically; {@link AnalyticsReport#NO_CURRENCY} when no account carries one. One small
 * aggregate over the accounts (about a thousand rows by default), never a pass over the facts.
 */
public final class DataCurrency {
    static final String QUERY = """
            select currency from silver.stg_accounts where currency ~ '^[A-Z]{3}$'
            group by currency order by count(*) desc, currency limit 1""";

    private DataCurrency() {
    }

    /** The code, or {@link AnalyticsReport#NO_CURRENCY}; ANALYSIS_FAILED when silver.stg_accounts is missing. */
    public static String load(Sql sql) {
        List<Record> rows = sql.fetch(QUERY);
        return rows.isEmpty() ? AnalyticsReport.NO_CURRENCY : s(rows.get(0), "currency");
    }
}
