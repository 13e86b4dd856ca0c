package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDate;

/**
 * A marketing campaign with its funnel totals (conversions &le; clicks &le; impressions).
 *
 * <p>A row of {@code bronze.marketing_campaigns}; components in contract order: campaign_id, campaign_name, campaign_type, start_date, end_date, target_segment, budget, impressions, clicks, conversions, cost_per_acquisition, roi, product_promoted.
 * See {@link BronzeTable#MARKETING_CAMPAIGNS} for each column's meaning.
 */
public record MarketingCampaign(
        String campaignId,
        String campaignName,
        String campaignType,
        LocalDate startDate,
        LocalDate endDate,
        String targetSegment,
        double budget,
        long impressions,
        long clicks,
        long conversions,
        Double costPerAcquisition,
        double roi,
        String productPromoted) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.MARKETING_CAMPAIGNS;
    }

    @Override
    public String key() {
        return campaignId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(campaignId);
        w.text(campaignName);
        w.text(campaignType);
        w.date(startDate);
        w.date(endDate);
        w.text(targetSegment);
        w.money(budget);
        w.integer(impressions);
        w.integer(clicks);
        w.integer(conversions);
        w.money(costPerAcquisition);
        w.decimal(roi);
        w.text(productPromoted);
        w.endRow();
    }
}
