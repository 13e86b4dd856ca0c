package dev.fap.analytics.internal;

import static dev.fap.analytics.internal.Sql.d;
import static dev.fap.analytics.internal.Sql.l;
import static dev.fap.analytics.internal.Sql.s;

import dev.fap.analytics.BudgetAllocation;
import dev.fap.analytics.NextBestOffer;
import dev.fap.analytics.OfferSummary;
import dev.fap.analytics.PrescriptiveAnalysis;
import dev.fap.analytics.SegmentAllocation;
import dev.fap.analytics.stats.Quantiles;
import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.jooq.Record;

/**
 * Prescriptive analytics. Next best offer (all in SQL): for each product a customer does not hold,
 * take-up probability = share of customers of the same segment and age band who hold it, Laplace-smoothed
 * {@code (k + 1)/(n + 2)}; annual value = 12 × monthly fee + 2% net interest margin on the product's mean
 * absolute balance; the offer with the largest probability × value wins. Retention budget: customers are
 * grouped by churn-risk band × CLV above/below the median; the LP maximises the expected net value
 * {@code Σ (p·uplift·CLV - cost)·x_s} under the budget.
 */
public final class PrescriptiveQueries {
    static final String OFFER_METHOD = "take-up probability = (holders + 1)/(customers + 2) within segment × age band; "
            + "value = 12 × monthly fee + 2% × mean |balance| of the product; best offer = max probability × value";

    private PrescriptiveQueries() {
    }

    static final String BEST = """
            with held as (select distinct customer_id, product_id from silver.stg_accounts),
            cust as (select customer_id, coalesce(customer_segment, '?') as seg, coalesce(age_band, '?') as band
                     from gold.dim_customer where is_current),
            cell as (select seg, band, count(*) as n from cust group by 1, 2),
            cellp as (select c.seg, c.band, h.product_id, count(*) as k from cust c join held h on h.customer_id = c.customer_id
                      group by 1, 2, 3),
            val as (select p.product_id, p.product_name,
                           12 * coalesce(p.monthly_fee, 0) + 0.02 * coalesce(avg(abs(a.current_balance)), 0) as value
                    from gold.dim_product p left join silver.stg_accounts a on a.product_id = p.product_id
                    group by p.product_id, p.product_name, p.monthly_fee),
            cand as (select c.customer_id, v.product_id, v.product_name, (coalesce(cp.k, 0) + 1.0) / (cl.n + 2) as prob, v.value
                     from cust c join cell cl on cl.seg = c.seg and cl.band = c.band cross join val v
                     left join cellp cp on cp.seg = c.seg and cp.band = c.band and cp.product_id = v.product_id
                     where not exists (select 1 from held h where h.customer_id = c.customer_id and h.product_id = v.product_id)),
            best as (select distinct on (customer_id) customer_id, product_id, product_name, prob, value, prob * value as ev
                     from cand order by customer_id, prob * value desc, product_id)
            """;

    public static PrescriptiveAnalysis run(Context ctx) {
        // the offer summary and the top 20 from one evaluation of the candidates (the CTE is materialised once)
        List<OfferSummary> offers = new ArrayList<>();
        List<NextBestOffer> top = new ArrayList<>();
        for (Record r : ctx.sql().fetch(BEST + """
                , summary as (select product_id, product_name, count(*) as n, avg(prob) as prob, max(value) as value, sum(ev) as ev
                              from best group by product_id, product_name),
                top as (select customer_id, product_id, prob, value, ev from best order by ev desc, customer_id limit 20)
                select 0 as part, row_number() over (order by ev desc, product_id) as ord, product_id, product_name,
                       null as customer_id, n, prob, value, ev from summary
                union all
                select 1, row_number() over (order by ev desc, customer_id), product_id, null, customer_id, 0, prob, value, ev from top
                order by part, ord""")) {
            if (l(r, "part") == 0) {
                offers.add(new OfferSummary(s(r, "product_id"), s(r, "product_name"), l(r, "n"), d(r, "prob"), d(r, "value"), d(r, "ev")));
            } else {
                top.add(new NextBestOffer(s(r, "customer_id"), s(r, "product_id"), d(r, "prob"), d(r, "value"), d(r, "ev")));
            }
        }
        BudgetAllocation budget = null;
        try {
            budget = allocate(ctx);
        } catch (FapException e) {
            ctx.fail("prescriptive.retentionBudget", e);
        }
        return new PrescriptiveAnalysis(OFFER_METHOD, List.copyOf(offers), List.copyOf(top), budget);
    }

    static BudgetAllocation allocate(Context ctx) {
        Scores sc = PredictiveQueries.compute(ctx).scores();
        int n = sc.churnProbability().length;
        double medianClv = Quantiles.of(sc.lifetimeValue(), 0.5);
        String[] bands = {"churn < 10%", "churn 10-25%", "churn 25-50%", "churn ≥ 50%"};
        double[][] agg = new double[8][3]; // count, Σp, Σclv
        for (int i = 0; i < n; i++) {
            double p = sc.churnProbability()[i];
            int b = p < 0.1 ? 0 : p < 0.25 ? 1 : p < 0.5 ? 2 : 3;
            int s = b * 2 + (sc.lifetimeValue()[i] > medianClv ? 1 : 0);
            agg[s][0]++;
            agg[s][1] += p;
            agg[s][2] += sc.lifetimeValue()[i];
        }
        double cost = ctx.offerCost();
        double budget = ctx.retentionBudget() != null ? ctx.retentionBudget() : 0.25 * cost * n;
        List<Integer> used = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            if (agg[s][0] > 0) {
                used.add(s);
            }
        }
        int m = used.size();
        double[] net = new double[m];
        double[] value = new double[m];
        double[] costs = new double[m];
        List<LinearConstraint> cons = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            double[] a = agg[used.get(k)];
            value[k] = (a[1] / a[0]) * ctx.retentionUplift() * (a[2] / a[0]);
            net[k] = value[k] - cost;
            costs[k] = cost;
            double[] unit = new double[m];
            unit[k] = 1;
            cons.add(new LinearConstraint(unit, Relationship.LEQ, a[0]));
        }
        cons.add(new LinearConstraint(costs, Relationship.LEQ, budget));
        PointValuePair sol;
        try {
            sol = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(net, 0), new LinearConstraintSet(cons),
                    GoalType.MAXIMIZE, new NonNegativeConstraint(true));
        } catch (RuntimeException e) {
            throw new FapException(ErrorCode.ANALYSIS_FAILED, "the retention LP could not be solved: " + e.getMessage(),
                    "check the budget and the offer cost", e);
        }
        double[] x = sol.getPoint();
        List<SegmentAllocation> segs = new ArrayList<>();
        double spend = 0;
        double saved = 0;
        for (int k = 0; k < m; k++) {
            int s = used.get(k);
            double[] a = agg[s];
            double treated = Math.max(0, x[k]);
            segs.add(new SegmentAllocation(bands[s / 2] + (s % 2 == 1 ? ", CLV above median" : ", CLV at or below median"), (long) a[0],
                    a[1] / a[0], a[2] / a[0], cost, value[k], treated, treated * cost, treated * value[k]));
            spend += treated * cost;
            saved += treated * value[k];
        }
        return new BudgetAllocation("linear programming (Commons Math SimplexSolver)", budget, ctx.retentionUplift(), List.copyOf(segs),
                spend, saved, spend > 0 ? (saved - spend) / spend : 0.0);
    }
}
