package dev.fap.generator.rows;

import dev.fap.core.bronze.BronzeRowWriter;
import dev.fap.core.bronze.BronzeTable;


/**
 * One of the bank's products.
 *
 * <p>A row of {@code bronze.products}; components in contract order: product_id, product_name, category, interest_rate, min_balance, monthly_fee, overdraft_limit, product_tier, is_premium.
 * See {@link BronzeTable#PRODUCTS} for each column's meaning.
 */
public record Product(
        String productId,
        String productName,
        String category,
        double interestRate,
        double minBalance,
        double monthlyFee,
        double overdraftLimit,
        String productTier,
        boolean isPremium) implements BronzeRecord {

    @Override
    public BronzeTable table() {
        return BronzeTable.PRODUCTS;
    }

    @Override
    public String key() {
        return productId;
    }

    @Override
    public void writeTo(BronzeRowWriter w) {
        w.text(productId);
        w.text(productName);
        w.text(category);
        w.decimal(interestRate);
        w.money(minBalance);
        w.money(monthlyFee);
        w.money(overdraftLimit);
        w.text(productTier);
        w.bool(isPremium);
        w.endRow();
    }
}
