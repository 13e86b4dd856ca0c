package dev.fap.analytics;

/**
 * Retention spend allocated to one risk segment by the linear program.
 *
 * @param segment            segment label (churn-risk band × value band)
 * @param customers          customers in the segment
 * @param churnProbability   mean predicted churn probability
 * @param lifetimeValue      mean CLV
 * @param costPerCustomer    cost of one retention offer
 * @param valuePerCustomer   expected value saved per treated customer: p·uplift·CLV
 * @param treatedCustomers   customers the plan treats (may be fractional: an LP relaxation)
 * @param spend              treatedCustomers · cost
 * @param expectedSavedValue treatedCustomers · valuePerCustomer
 */
public record SegmentAllocation(String segment, long customers, double churnProbability, double lifetimeValue,
                                double costPerCustomer, double valuePerCustomer, double treatedCustomers, double spend,
                                double expectedSavedValue) {
}
