package dev.fap.analytics;

/**
 * Performance of one product over its accounts.
 *
 * @param productId      natural key, e.g. {@code P03}
 * @param productName    display name
 * @param category       Deposit, Credit, Loan or Investment
 * @param accounts       accounts of the product
 * @param openAccounts   accounts without a close date
 * @param customers      distinct holders
 * @param totalBalance   sum of current balances
 * @param averageBalance mean current balance per account
 * @param transactions   transactions on its accounts
 * @param volume         approved volume on its accounts
 * @param feeRevenue     fees charged on its accounts ({@code Σ fee_amount})
 */
public record ProductPerformance(String productId, String productName, String category, long accounts, long openAccounts,
                                 long customers, double totalBalance, double averageBalance, long transactions, double volume,
                                 double feeRevenue) {
}
