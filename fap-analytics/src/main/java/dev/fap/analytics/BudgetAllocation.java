package dev.fap.analytics;

import java.util.List;

/**
 * A retention budget allocated by linear programming: maximise {@code Σ v_s x_s} subject to
 * {@code Σ c_s x_s ≤ budget}, {@code 0 ≤ x_s ≤ N_s}, solved with Commons Math {@code SimplexSolver}.
 *
 * @param method             {@code "linear programming (Commons Math SimplexSolver)"}
 * @param budget             budget available
 * @param retentionUplift    assumed share of would-be churners an offer keeps
 * @param segments           allocation per segment
 * @param totalSpend         money allocated
 * @param expectedSavedValue expected CLV saved
 * @param expectedRoi        {@code (saved - spend) / spend}; 0 when nothing is spent
 */
public record BudgetAllocation(String method, double budget, double retentionUplift, List<SegmentAllocation> segments,
                               double totalSpend, double expectedSavedValue, double expectedRoi) {
}
