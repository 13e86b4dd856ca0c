package dev.fap.model.warehouse;

import dev.fap.core.Database;
import dev.fap.model.Model;
import dev.fap.model.Project;
import dev.fap.model.Sql;
import dev.fap.model.Warehouse;
import java.util.ArrayList;
import java.util.List;

/**
 * The FAP warehouse: the medallion models over the bronze contract ({@link dev.fap.core.bronze.BronzeTable})
 * — silver staging with quarantine, the gold star schema with an SCD Type 2 customer dimension, and
 * the eight analytics views — as one {@link Project}.
 *
 * <pre>{@code
 * Warehouse wh = FapWarehouse.on(db);          // or Warehouse.on(db, FapWarehouse.project())
 * wh.build().orThrow();                        // the data clock (2), 13 stg_*, 4 dims, 3 facts, 8 views
 * wh.test().orThrow();                         // 100+ checks over silver and gold
 * db.dsl().fetch("select * from gold.predictive_analytics where churn_risk_score > 0.7");
 *
 * // add models of your own on top:
 * Warehouse mine = Warehouse.on(db, FapWarehouse.project().with(myModel));
 * }</pre>
 *
 * <p>Before every build the setup scripts create the helper functions of silver
 * ({@code silver.clean_text}, {@code silver.mask_email}, ...) and, if missing, the table
 * {@code gold.customer_scores} where fap-analytics writes fitted model scores (kept across rebuilds)
 * with its accessor {@code gold.latest_score(customer_id, model_name)}.
 *
 * <p>"Now" is the data's own: {@code silver.data_clock} (the end of contiguous transaction activity),
 * never the wall clock, so rebuilding the same data gives the same gold.
 */
public final class FapWarehouse {
    /** Names of the gold analytics views, as in the original platform. */
    public static final List<String> ANALYTICS_VIEWS = List.of("descriptive_analytics", "diagnostic_analytics",
            "exploratory_analytics", "inferential_analytics", "predictive_analytics", "prescriptive_analytics",
            "causal_analytics", "realtime_analytics");

    /** The table of fitted model scores, created by the setup scripts and filled by fap-analytics. */
    public static final String CUSTOMER_SCORES = "gold.customer_scores";

    private static final Project PROJECT = createProject();

    private FapWarehouse() {}

    /** The full FAP project: every silver and gold model with its checks, and the setup scripts. */
    public static Project project() {
        return PROJECT;
    }

    /** {@code Warehouse.on(db, project())}. */
    public static Warehouse on(Database db) {
        return Warehouse.on(db, PROJECT);
    }

    private static Project createProject() {
        List<Model> models = new ArrayList<>();
        models.addAll(SilverModels.all());
        models.addAll(GoldModels.all());
        models.addAll(AnalyticsViews.all());
        return Project.of(models).withSetup(Sql.resource("setup/functions.sql"), Sql.resource("setup/customer_scores.sql"),
                Sql.resource("setup/statistics.sql"));
    }
}
