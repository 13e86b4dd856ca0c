package dev.fap.generator.internal;

import dev.fap.generator.rows.Product;
import java.util.List;

/** The product catalog and the merchant categories with their ticket sizes. */
public final class Catalog {
    private Catalog() {}

    public static final int CHECKING = 0;
    public static final int SAVINGS = 1;
    public static final int CREDIT_CARD = 2;
    public static final int PERSONAL_LOAN = 3;
    public static final int MORTGAGE = 4;
    public static final int INVESTMENT = 5;
    public static final int BUSINESS_CHECKING = 6;
    public static final int AUTO_LOAN = 7;
    public static final int PREMIUM_CARD = 8;
    public static final int MONEY_MARKET = 9;

    /** The ten products of the original platform. */
    public static final List<Product> PRODUCTS = List.of(
            new Product("P01", "Checking", "Deposit", 0.05, 500, 12, 500, "Basic", false),
            new Product("P02", "Savings", "Deposit", 3.75, 300, 5, 0, "Standard", false),
            new Product("P03", "Credit Card", "Credit", 22.99, 0, 0, 0, "Standard", false),
            new Product("P04", "Personal Loan", "Loan", 11.50, 0, 0, 0, "Standard", false),
            new Product("P05", "Mortgage", "Loan", 6.75, 0, 0, 0, "Standard", false),
            new Product("P06", "Investment", "Investment", 0.00, 5000, 0, 0, "Premium", true),
            new Product("P07", "Business Checking", "Deposit", 0.10, 2500, 25, 2000, "Standard", false),
            new Product("P08", "Auto Loan", "Loan", 7.25, 0, 0, 0, "Standard", false),
            new Product("P09", "Premium Card", "Credit", 19.99, 0, 0, 0, "Premium", true),
            new Product("P10", "Money Market", "Deposit", 4.25, 10000, 15, 0, "Premium", true));

    public static boolean isLoan(int product) {
        return product == PERSONAL_LOAN || product == MORTGAGE || product == AUTO_LOAN;
    }

    public static boolean isCard(int product) {
        return product == CREDIT_CARD || product == PREMIUM_CARD;
    }

    /** A merchant category: MCC, typical ticket (median, currency) and log-sd of ticket sizes. */
    public record Category(String name, String mcc, double medianTicket, double sigma, double weight, double onlineShare,
                           double recurringShare) {}

    public static final Category[] CATEGORIES = {
            new Category("Grocery", "5411", 48, 0.55, 0.22, 0.05, 0.0),
            new Category("Restaurant", "5812", 28, 0.55, 0.17, 0.08, 0.0),
            new Category("Gas Station", "5541", 42, 0.35, 0.10, 0.0, 0.0),
            new Category("Retail", "5311", 55, 0.85, 0.13, 0.15, 0.0),
            new Category("Entertainment", "7832", 32, 0.65, 0.06, 0.35, 0.25),
            new Category("Healthcare", "8011", 85, 0.95, 0.05, 0.05, 0.0),
            new Category("Utilities", "4900", 105, 0.45, 0.06, 0.50, 0.90),
            new Category("Travel", "4511", 260, 0.95, 0.04, 0.45, 0.0),
            new Category("Online Shopping", "5964", 45, 0.85, 0.12, 1.00, 0.10),
            new Category("Services", "7299", 70, 0.85, 0.05, 0.20, 0.30)};

    public static final int TRAVEL = 7;
    public static final int ONLINE_SHOPPING = 8;
}
