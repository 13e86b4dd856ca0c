package dev.fap.model;

import dev.fap.core.FapException;
import java.util.Objects;

/**
 * A validation rule of a {@link Materialization#STAGING} model: a SQL predicate over the model's
 * candidate rows that must be {@code true}. A row for which it is {@code false} or {@code null} goes
 * to {@code silver.quarantine} with the rule's name and reason instead of the silver table.
 *
 * <pre>{@code
 * Model.staging("stg_customers", Layer.SILVER)
 *      .rule("customer_id_present", "customer_id is not null", "customer_id is missing")
 *      .rule("credit_score_range", "credit_score between 300 and 850", "credit score outside 300..850");
 * }</pre>
 *
 * <p>Rules are evaluated in declaration order; a row is quarantined once, under the first rule it
 * breaks.
 *
 * @param name      short identifier, unique within the model ({@code [a-z0-9_]+}); {@code duplicate} is reserved
 * @param predicate SQL boolean expression over the model's output columns; the row's alias is the model's name, which
 *                  a correlated subquery uses: {@code exists (select 1 from silver.stg_customers c where c.customer_id = stg_accounts.customer_id)}
 * @param reason    human-readable explanation stored with each quarantined row
 */
public record Rule(String name, String predicate, String reason) {
    /** The rule name under which removed duplicates are recorded. */
    public static final String DUPLICATE = "duplicate";

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(reason, "reason");
        if (!name.matches("[a-z0-9_]+")) {
            throw FapException.invalidArgument("rule name '" + name + "' is not of the form [a-z0-9_]+",
                    "use lower-case letters, digits and underscores");
        }
        if (name.equals(DUPLICATE)) {
            throw FapException.invalidArgument("rule name 'duplicate' is reserved for removed duplicates",
                    "choose another name");
        }
        if (predicate.isBlank()) {
            throw FapException.invalidArgument("rule " + name + " has an empty predicate", "write a SQL boolean expression");
        }
    }
}
