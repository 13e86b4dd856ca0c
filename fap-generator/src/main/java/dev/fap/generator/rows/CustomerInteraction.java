package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;
import java.time.LocalDateTime;

/**
 * A contact with customer service.
 *
 * <p>A row of {@code bronze.customer_interactions}; components in contract order: interaction_id, customer_id, interaction_date, interaction_type, reason, duration_minutes, sentiment_score, satisfaction_rating, resolved, escalated, agent_id, notes.
 * See {@link BronzeTable#CUSTOMER_INTERACTIONS} for each column's meaning.
 */
public record CustomerInteraction(
        String interactionId,
        String customerId,
        LocalDateTime interactionDate,
        String interactionType,
        String reason,
        int durationMinutes,
        double sentimentScore,
        Integer satisfactionRating,
        boolean resolved,
        boolean escalated,
        String agentId,
        String notes) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.CUSTOMER_INTERACTIONS;
    }

    @Override
    public String key() {
        return interactionId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(interactionId);
        w.text(customerId);
        w.timestamp(interactionDate);
        w.text(interactionType);
        w.text(reason);
        w.integer(durationMinutes);
        w.decimal(sentimentScore);
        w.integer(satisfactionRating);
        w.bool(resolved);
        w.bool(escalated);
        w.text(agentId);
        w.text(notes);
        w.endRow();
    }
}
