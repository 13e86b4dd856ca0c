package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;

/**
 * A typed row of one bronze table: the generator's unit of output, also handed to unit tests by
 * {@link dev.fap.generator.FinancialDataset}. Components follow the table's columns in contract
 * order, so {@code record.values()[i]} is the value of {@code table().columns().get(i)}.
 *
 * <pre>{@code
 * Transaction t = dataset.transactions().get(0);
 * t.table();          // BronzeTable.TRANSACTIONS
 * t.key();            // "T000000001"
 * }</pre>
 */
public sealed interface BronzeRecord permits Product, Merchant, Customer, Account, Transaction, CreditApplication,
        FraudAlert, CustomerInteraction, EconomicIndicator, MarketingCampaign, LoanPayment, CustomerChange,
        CampaignContact {

    /** The bronze table this row belongs to. */
    BronzeTable table();

    /** The natural key (first column), as text; may be null only in deliberately dirty rows. */
    String key();

    /** Writes the row's fields in contract order and ends the row. */
    void writeTo(BronzeRowWriter w);

    /** The values in contract order (boxed), for generic code and tests. */
    default Object[] values() {
        return RecordValues.values((Record) this);
    }
}
