package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * A dated change of one customer attribute (old and new value as text).
 *
 * <p>A row of {@code bronze.customer_changes}; components in contract order: change_id, customer_id, change_date, attribute, old_value, new_value.
 * See {@link BronzeTable#CUSTOMER_CHANGES} for each column's meaning.
 */
public record CustomerChange(
        String changeId,
        String customerId,
        LocalDate changeDate,
        String attribute,
        String oldValue,
        String newValue) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.CUSTOMER_CHANGES;
    }

    @Override
    public String key() {
        return changeId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(changeId);
        w.text(customerId);
        w.date(changeDate);
        w.text(attribute);
        w.text(oldValue);
        w.text(newValue);
        w.endRow();
    }
}
