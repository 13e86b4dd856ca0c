package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * A customer's randomised assignment to a campaign's treatment or control group.
 *
 * <p>A row of {@code bronze.campaign_contacts}; components in contract order: contact_id, campaign_id, customer_id, assignment, contact_date, opened, clicked, converted.
 * See {@link BronzeTable#CAMPAIGN_CONTACTS} for each column's meaning.
 */
public record CampaignContact(
        String contactId,
        String campaignId,
        String customerId,
        String assignment,
        LocalDate contactDate,
        boolean opened,
        boolean clicked,
        boolean converted) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.CAMPAIGN_CONTACTS;
    }

    @Override
    public String key() {
        return contactId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(contactId);
        w.text(campaignId);
        w.text(customerId);
        w.text(assignment);
        w.date(contactDate);
        w.bool(opened);
        w.bool(clicked);
        w.bool(converted);
        w.endRow();
    }
}
