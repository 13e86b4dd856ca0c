package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fap.core.ErrorCode;
import dev.fap.core.FapException;
import dev.fap.generator.rows.Account;
import dev.fap.generator.rows.Customer;
import dev.fap.generator.rows.CustomerChange;
import dev.fap.generator.rows.Merchant;
import dev.fap.generator.rows.Transaction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link DatasetSpec#withLocale}: names, places, formats and currency follow the locale; en-US stays as it was. */
class LocaleTest {
    /** The pattern silver.valid_email accepts (fap-model setup/functions.sql). */
    private static final Pattern EMAIL = Pattern.compile("^[a-z0-9._%+'-]+@[a-z0-9.-]+\\.[a-z]{2,}$");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "en-US; US; USD; ^\\(\\d{3}\\) \\d{3}-\\d{4}$; ^\\d{5}$; ^9\\d{2}-\\d{2}-\\d{4}$",
            "en-GB; GB; GBP; ^\\+44 (7\\d{3} \\d{6}|\\d{2} \\d{4} \\d{4}|\\d{3} \\d{3} \\d{4}|\\d{4} \\d{6})$;"
                    + " ^[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}$; ^QQ \\d{2} \\d{2} \\d{2} [A-D]$",
            "de-DE; DE; EUR; ^\\+49 \\d{2,4} \\d{6,8}$; ^\\d{5}$; ^[1-9]\\d \\d{3} \\d{3} \\d{3}$",
            "fr-FR; FR; EUR; ^\\+33 [1-7]( \\d{2}){4}$; ^\\d{5}$; ^[12] \\d{2} \\d{2} \\d{2} \\d{3} \\d{3} \\d{2}$",
            "es-ES; ES; EUR; ^\\+34 [69]\\d{2} \\d{3} \\d{3}$; ^\\d{5}$; ^\\d{8}[A-Z]$",
            "it-IT; IT; EUR; ^\\+39 (3\\d{2} \\d{3} \\d{4}|0\\d \\d{4} \\d{4}|0\\d{2} \\d{3} \\d{4}|0\\d{3} \\d{6})$; ^\\d{5}$;"
                    + " ^[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]$",
            "nl-NL; NL; EUR; ^\\+31 (6 \\d{4} \\d{4}|\\d{2} \\d{3} \\d{4})$; ^\\d{4} [A-Z]{2}$; ^[1-9]\\d{8}$"})
    void namesPlacesFormatsAndCurrencyFollowTheLocale(String tag, String country, String currency, String phone, String postal,
                                                       String nationalId) {
        DatasetSpec spec = DatasetSpec.defaults().withSeed(13).withCustomers(300).withTransactions(12_000).withMerchants(120)
                .withLocale(Locale.forLanguageTag(tag));
        FinancialDataset ds = DataGenerator.of(spec).inMemory();
        Pattern phoneP = Pattern.compile(phone);
        Pattern postalP = Pattern.compile(postal);
        Pattern idP = Pattern.compile(nationalId);
        for (Customer c : ds.customers()) {
            assertThat(c.country()).isEqualTo(country);
            assertThat(c.phone()).as(c.customerId()).matches(phoneP);
            assertThat(c.zipCode()).as(c.customerId()).matches(postalP);
            assertThat(c.ssn()).as(c.customerId()).matches(idP);
            assertThat(validNationalId(country, c.ssn())).as("check character of %s", c.ssn()).isTrue();
            assertThat(c.email()).matches(EMAIL);
            assertThat(c.state()).matches("^[A-Z]{2,3}$");
        }
        // addresses move within the country, in the same formats
        List<CustomerChange> changes = ds.customerChanges();
        assertThat(changes.stream().filter(c -> c.attribute().equals("zip_code"))).isNotEmpty()
                .allMatch(c -> postalP.matcher(c.newValue()).matches());
        assertThat(ds.accounts()).extracting(Account::currency).containsOnly(currency);
        assertThat(ds.transactions()).extracting(Transaction::currency).containsOnly(currency);
        // international = abroad, seen from the customer's country
        assertThat(ds.transactions()).allMatch(t -> t.isInternational() == !country.equals(t.locationCountry()));
        long domestic = ds.transactions().stream().filter(t -> !t.isInternational()).count();
        assertThat(domestic / (double) ds.transactions().size()).isGreaterThan(0.9);
        long domesticMerchants = ds.merchants().stream().filter(m -> m.country().equals(country)).count();
        assertThat(domesticMerchants / (double) ds.merchants().size()).isGreaterThan(0.8);
        assertThat(ds.merchants().stream().map(Merchant::country).distinct().count()).isGreaterThan(1);
        // home cities are the locale's: every customer city has merchants of the same country there
        assertThat(ds.customers().stream().map(Customer::city).distinct().count()).isGreaterThan(8);
    }

    /** The check character of the national id formats that have one. */
    private static boolean validNationalId(String country, String id) {
        String digits = id.replaceAll("[^0-9]", "");
        return switch (country) {
            case "ES" -> "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(digits) % 23) == id.charAt(8);
            case "NL" -> {
                int sum = -(digits.charAt(8) - '0');
                for (int i = 0; i < 8; i++) {
                    sum += (9 - i) * (digits.charAt(i) - '0');
                }
                yield sum % 11 == 0;
            }
            case "FR" -> 97 - Long.parseLong(digits.substring(0, 13)) % 97 == Long.parseLong(digits.substring(13));
            default -> true;
        };
    }

    @Test
    void theDefaultIsEnUsAndNamingItChangesNothing() {
        DatasetSpec d = DatasetSpec.defaults();
        assertThat(d.locale()).isEqualTo(Locale.US);
        assertThat(d.withLocale(Locale.forLanguageTag("en-US"))).isEqualTo(d);
        assertThat(d.withLocale(Locale.GERMANY).toString()).contains("locale=de-DE");
        assertThat(d.toString()).doesNotContain("locale");
        assertThat(DatasetSpec.SUPPORTED_LOCALES).extracting(Locale::toLanguageTag)
                .containsExactly("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL");
    }

    @Test
    void unsupportedLocalesAreRefusedNamingTheSupportedOnes() {
        for (Locale l : List.of(Locale.JAPAN, Locale.GERMAN, Locale.forLanguageTag("de-AT"), Locale.forLanguageTag("pt-BR"))) {
            assertThatThrownBy(() -> DatasetSpec.defaults().withLocale(l)).isInstanceOfSatisfying(FapException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).isEqualTo("locale '" + l.toLanguageTag() + "' is not supported");
                assertThat(e.hint()).contains("en-US, en-GB, de-DE, fr-FR, es-ES, it-IT, nl-NL").contains("--locale de-DE");
            });
        }
    }

    @Test
    void batchesContinueInTheLocaleWithTheCalibratedRates() {
        DataGenerator base = DataGenerator.of(DatasetSpec.defaults().withCustomers(120).withTransactions(6_000).withMerchants(40)
                .withLocale(Locale.forLanguageTag("nl-NL")).withFraudRate(0.03));
        FinancialDataset next = base.nextBatch(60).inMemory();
        assertThat(next.customers()).isNotEmpty().allMatch(c -> c.country().equals("NL") && c.phone().startsWith("+31 "));
        assertThat(next.transactions()).isNotEmpty().allMatch(t -> t.currency().equals("EUR"));
        assertThat(next.accounts()).extracting(Account::currency).containsOnly("EUR");
        // the batch uses the base dataset's calibrated fraud intercept
        assertThat(base.nextBatch(60).groundTruth().fraud().intercept()).isEqualTo(base.groundTruth().fraud().intercept())
                .isGreaterThan(-5.7);
    }

    @Test
    void aLocaleKeepsThePlantedFraudDrivers() {
        FinancialDataset ds = DataGenerator.of(DatasetSpec.defaults().withLocale(Locale.ITALY).withFraudRate(0.02)).inMemory();
        double[][] fit = PlantedEffectsTest.fraudRegression(ds);
        double[] planted = {1.2, 0.8, 1.6, 1.0, 1.1, 0.9};
        for (int j = 0; j < planted.length; j++) {
            assertThat(Math.abs(fit[0][j + 1] - planted[j])).as("coefficient %d: %.3f ± %.3f", j + 1, fit[0][j + 1], fit[1][j + 1])
                    .isLessThan(3.3 * fit[1][j + 1]);
        }
    }
}
