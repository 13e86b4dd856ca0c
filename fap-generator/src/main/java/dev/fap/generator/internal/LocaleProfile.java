package dev.fap.generator.internal;

import static dev.fap.generator.internal.LocaleReferenceData.*;

import dev.fap.generator.internal.ReferenceData.City;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Everything about a dataset that depends on its locale: the cities customers live in (with
 * regions, postal codes and telephone area codes), the cities abroad, names, streets, e-mail
 * providers, company forms, the currency, and how phone numbers, national ids, street addresses and
 * postal codes are written. en-US draws exactly what the generator always drew (its output is
 * pinned by checksums); the other locales write phone numbers with their country calling code and
 * national grouping ({@code +49 30 12345678}), so that they are unambiguous next to US numbers.
 *
 * <p>National ids go into the contract's {@code ssn} column, in the country's own format and with
 * a valid check character where the format has one; they are synthetic (the UK's use the
 * never-issued prefix QQ, the US ones start with 9, which no SSN does).
 */
public final class LocaleProfile {
    /** The countries of the supported locales. */
    public enum Country { US, GB, DE, FR, ES, IT, NL }

    private static final LocaleProfile US_PROFILE = new LocaleProfile(Country.US, "USD", ReferenceData.US_CITIES,
            ReferenceData.FOREIGN_CITIES, ReferenceData.FIRST_NAMES, ReferenceData.LAST_NAMES, ReferenceData.STREET_NAMES,
            ReferenceData.EMAIL_DOMAINS, ReferenceData.EMPLOYER_SUFFIXES);
    private static final String GB_POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String NL_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String CF_MONTHS = "ABCDEHLMPRST";
    private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    private static final String[] DE_MOBILE = {"151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "178"};
    private static final String[] IT_MOBILE = {"320", "328", "329", "333", "334", "335", "338", "339", "340", "347", "348", "349",
            "366", "380", "388", "389", "391", "392", "393"};

    public final Country country;
    /** ISO 3166-1 alpha-2 code of the home country. */
    public final String countryCode;
    /** ISO 4217 code of accounts and transactions. */
    public final String currency;
    /** Cities customers live in, and their cumulative population weights. */
    public final City[] cities;
    public final double[] cityCumulative;
    /** Cities abroad where some merchants trade. */
    public final City[] foreignCities;
    /** {@code ATM WITHDRAWAL <CITY>} per city. */
    public final String[] atmTexts;
    final String[] firstNames;
    final String[] lastNames;
    final String[] streets;
    final String[] emailDomains;
    final String[] companyForms;
    private final String[][] postalPrefixes;

    private LocaleProfile(Country country, String currency, City[] cities, City[] foreignCities, String[] firstNames,
                          String[] lastNames, String[] streets, String[] emailDomains, String[] companyForms) {
        this.country = country;
        this.countryCode = country.name();
        this.currency = currency;
        this.cities = cities;
        this.cityCumulative = WorldBuilder.cumulative(cities);
        this.foreignCities = foreignCities;
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.streets = streets;
        this.emailDomains = emailDomains;
        this.companyForms = companyForms;
        this.postalPrefixes = Arrays.stream(cities).map(c -> c.zipPrefix().split("\\|")).toArray(String[][]::new);
        this.atmTexts = Arrays.stream(cities).map(c -> "ATM WITHDRAWAL " + c.name().toUpperCase(Locale.ROOT)).toArray(String[]::new);
    }

    private static final LocaleProfile GB_PROFILE = european(Country.GB, "GBP", GB_CITIES, GB_FIRST_NAMES, GB_LAST_NAMES, GB_STREETS,
            GB_EMAIL_DOMAINS, GB_COMPANY_FORMS);
    private static final LocaleProfile DE_PROFILE = european(Country.DE, "EUR", DE_CITIES, DE_FIRST_NAMES, DE_LAST_NAMES, DE_STREETS,
            DE_EMAIL_DOMAINS, DE_COMPANY_FORMS);
    private static final LocaleProfile FR_PROFILE = european(Country.FR, "EUR", FR_CITIES, FR_FIRST_NAMES, FR_LAST_NAMES, FR_STREETS,
            FR_EMAIL_DOMAINS, FR_COMPANY_FORMS);
    private static final LocaleProfile ES_PROFILE = european(Country.ES, "EUR", ES_CITIES, ES_FIRST_NAMES, ES_LAST_NAMES, ES_STREETS,
            ES_EMAIL_DOMAINS, ES_COMPANY_FORMS);
    private static final LocaleProfile IT_PROFILE = european(Country.IT, "EUR", IT_CITIES, IT_FIRST_NAMES, IT_LAST_NAMES, IT_STREETS,
            IT_EMAIL_DOMAINS, IT_COMPANY_FORMS);
    private static final LocaleProfile NL_PROFILE = european(Country.NL, "EUR", NL_CITIES, NL_FIRST_NAMES, NL_LAST_NAMES, NL_STREETS,
            NL_EMAIL_DOMAINS, NL_COMPANY_FORMS);

    private static LocaleProfile european(Country country, String currency, City[] cities, String[] first, String[] last,
                                          String[] streets, String[] domains, String[] forms) {
        City[] abroad = Arrays.stream(EUROPEAN_VIEW_FOREIGN_CITIES).filter(c -> !c.country().equals(country.name()))
                .toArray(City[]::new);
        return new LocaleProfile(country, currency, cities, abroad, first, last, streets, domains, forms);
    }

    /** The profile of a supported locale (validated by {@link dev.fap.generator.DatasetSpec}). */
    public static LocaleProfile of(Locale locale) {
        return switch (locale.getCountry()) {
            case "GB" -> GB_PROFILE;
            case "DE" -> DE_PROFILE;
            case "FR" -> FR_PROFILE;
            case "ES" -> ES_PROFILE;
            case "IT" -> IT_PROFILE;
            case "NL" -> NL_PROFILE;
            default -> US_PROFILE;
        };
    }

    /** A first name; even indexes of the lists are male names, odd ones female (used by national ids). */
    int firstNameIndex(Rng r) {
        return r.nextInt(firstNames.length);
    }

    /** A family name; Spanish customers carry two (father's and mother's). */
    String lastName(Rng r) {
        String last = r.pick(lastNames);
        return country == Country.ES ? last + " " + r.pick(lastNames) : last;
    }

    /** {@code first.last<n>@provider}, in ASCII (accents dropped, blanks and apostrophes removed). */
    String email(String first, String last, int number, Rng r) {
        return emailPart(first) + "." + emailPart(last) + number + "@" + r.pick(emailDomains);
    }

    private static String emailPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            return lower;
        }
        String folded = Normalizer.normalize(lower.replace("ß", "ss").replace("æ", "ae").replace("ø", "o"), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char ch = folded.charAt(i);
            if (ch >= 'a' && ch <= 'z' || ch == '-') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A telephone number of someone living in {@code city}. */
    String phone(City city, Rng r) {
        String area = city.areaCode();
        boolean mobile = country != Country.US && r.chance(0.5);
        return switch (country) {
            case US -> "(" + area + ") " + r.between(200, 999) + "-" + Ids.pad(r.nextInt(10_000), 4);
            case GB -> mobile ? "+44 7" + digits(r, 3, false) + " " + digits(r, 6, false)
                    : "+44 " + area + " " + groupGb(digits(r, 10 - area.length(), true));
            case DE -> {
                if (mobile) {
                    String prefix = r.pick(DE_MOBILE);
                    yield "+49 " + prefix + " " + digits(r, prefix.startsWith("15") ? 8 : 7, true);
                }
                yield "+49 " + area + " " + digits(r, area.length() == 2 ? 8 : area.length() == 3 ? 7 : 6, true);
            }
            case FR -> "+33 " + (mobile ? r.between(6, 7) : area) + " " + pairs(digits(r, 8, false));
            case ES -> {
                String national = mobile ? "6" + digits(r, 8, false) : area + digits(r, 9 - area.length(), true);
                yield "+34 " + national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6);
            }
            case IT -> {
                if (mobile) {
                    yield "+39 " + r.pick(IT_MOBILE) + " " + digits(r, 3, false) + " " + digits(r, 4, false);
                }
                String subscriber = digits(r, 10 - area.length(), true);
                yield "+39 " + area + " " + (subscriber.length() == 8 ? subscriber.substring(0, 4) + " " + subscriber.substring(4)
                        : subscriber.length() == 7 ? subscriber.substring(0, 3) + " " + subscriber.substring(3) : subscriber);
            }
            case NL -> {
                if (mobile) {
                    String s = digits(r, 8, false);
                    yield "+31 6 " + s.substring(0, 4) + " " + s.substring(4);
                }
                String s = digits(r, 9 - area.length(), true);
                yield "+31 " + area + " " + s.substring(0, 3) + " " + s.substring(3);
            }
        };
    }

    /** UK subscriber numbers: 8 digits as 4+4, 7 as 3+4, 6 as they are. */
    private static String groupGb(String s) {
        return s.length() == 8 ? s.substring(0, 4) + " " + s.substring(4) : s.length() == 7 ? s.substring(0, 3) + " " + s.substring(3) : s;
    }

    private static String pairs(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 2) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(s, i, i + 2);
        }
        return b.toString();
    }

    /** {@code n} random digits; a subscriber number does not start with 0 or 1. */
    private static String digits(Rng r, int n, boolean subscriber) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('0' + (i == 0 && subscriber ? r.between(2, 9) : r.nextInt(10)));
        }
        return new String(c);
    }

    /**
     * The national id of the {@code ssn} column: US 9xx-xx-xxxx, UK National Insurance number,
     * German tax id (with its ISO 7064 check digit), French NIR (with its key), Spanish DNI (with its
     * letter), Italian codice fiscale (with its check letter), Dutch BSN (passing the 11-test).
     */
    String nationalId(Rng r, LocalDate dob, boolean male, String first, String last, int cityIndex) {
        return switch (country) {
            case US -> "9" + Ids.pad(r.nextInt(100), 2) + "-" + Ids.pad(1 + r.nextInt(99), 2) + "-" + Ids.pad(1 + r.nextInt(9999), 4);
            case GB -> "QQ " + Ids.pad(r.nextInt(100), 2) + " " + Ids.pad(r.nextInt(100), 2) + " " + Ids.pad(r.nextInt(100), 2) + " "
                    + (char) ('A' + r.nextInt(4));
            case DE -> {
                String body = r.between(1, 9) + digits(r, 9, false);
                String id = body + germanTaxCheckDigit(body);
                yield id.substring(0, 2) + " " + id.substring(2, 5) + " " + id.substring(5, 8) + " " + id.substring(8);
            }
            case FR -> {
                String dept = postalPrefixes[cityIndex][0].substring(0, 2);
                String body = (male ? "1" : "2") + Ids.pad(dob.getYear() % 100, 2) + Ids.pad(dob.getMonthValue(), 2) + dept
                        + Ids.pad(1 + r.nextInt(999), 3) + Ids.pad(1 + r.nextInt(999), 3);
                long key = 97 - Long.parseLong(body) % 97;
                yield body.charAt(0) + " " + body.substring(1, 3) + " " + body.substring(3, 5) + " " + body.substring(5, 7) + " "
                        + body.substring(7, 10) + " " + body.substring(10, 13) + " " + Ids.pad(key, 2);
            }
            case ES -> {
                int n = r.nextInt(100_000_000);
                yield Ids.pad(n, 8) + DNI_LETTERS.charAt(n % 23);
            }
            case IT -> codiceFiscale(first, last, dob, male, LocaleReferenceData.IT_CADASTRAL_CODES[cityIndex]);
            case NL -> {
                int[] d = new int[9];
                int sum;
                do {
                    sum = 0;
                    for (int i = 0; i < 8; i++) {
                        d[i] = i == 0 ? r.between(1, 6) : r.nextInt(10);
                        sum += (9 - i) * d[i];
                    }
                } while (sum % 11 == 10);
                d[8] = sum % 11;
                StringBuilder b = new StringBuilder(9);
                for (int x : d) {
                    b.append(x);
                }
                yield b.toString();
            }
        };
    }

    /** ISO 7064 MOD 11,10 check digit of the German tax id. */
    static int germanTaxCheckDigit(String body) {
        int product = 10;
        for (int i = 0; i < body.length(); i++) {
            int sum = (body.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = sum * 2 % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }

    /** The Italian codice fiscale: surname, name, birth date and sex, place of birth, check letter. */
    static String codiceFiscale(String first, String last, LocalDate dob, boolean male, String cadastral) {
        StringBuilder b = new StringBuilder(16);
        b.append(nameCode(last, false)).append(nameCode(first, true));
        b.append(Ids.pad(dob.getYear() % 100, 2)).append(CF_MONTHS.charAt(dob.getMonthValue() - 1));
        b.append(Ids.pad(dob.getDayOfMonth() + (male ? 0 : 40), 2)).append(cadastral);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = b.charAt(i);
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'A';
            sum += i % 2 == 0 ? CF_ODD[v] : v;
        }
        return b.append((char) ('A' + sum % 26)).toString();
    }

    private static String nameCode(String name, boolean firstName) {
        String letters = emailPart(name).replace("-", "").toUpperCase(Locale.ROOT);
        StringBuilder consonants = new StringBuilder();
        StringBuilder vowels = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            char ch = letters.charAt(i);
            ("AEIOU".indexOf(ch) >= 0 ? vowels : consonants).append(ch);
        }
        if (firstName && consonants.length() >= 4) {
            return "" + consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
        }
        return (consonants.append(vowels) + "XXX").substring(0, 3);
    }

    /** A street address in the country's usual order. */
    String address(Rng r) {
        return switch (country) {
            case US -> r.between(1, 9999) + " " + r.pick(streets) + " " + r.pick(ReferenceData.STREET_SUFFIXES);
            case GB -> r.between(1, 250) + " " + r.pick(streets) + " " + r.pick(GB_STREET_SUFFIXES);
            case FR -> r.between(1, 150) + (r.chance(0.05) ? " bis " : " ") + r.pick(streets);
            case ES -> r.pick(streets) + ", " + r.between(1, 150) + ", " + r.between(1, 8) + "º " + (char) ('A' + r.nextInt(4));
            default -> r.pick(streets) + " " + r.between(1, 180);
        };
    }

    /** A postal code in city number {@code cityIndex}. */
    String postalCode(int cityIndex, Rng r) {
        if (country == Country.US) {
            return cities[cityIndex].zipPrefix() + Ids.pad(r.nextInt(100), 2);
        }
        String[] prefixes = postalPrefixes[cityIndex];
        String prefix = prefixes.length == 1 ? prefixes[0] : r.pick(prefixes);
        return switch (country) {
            case GB -> prefix + r.between(1, 20) + " " + r.nextInt(10) + GB_POSTCODE_LETTERS.charAt(r.nextInt(GB_POSTCODE_LETTERS.length()))
                    + GB_POSTCODE_LETTERS.charAt(r.nextInt(GB_POSTCODE_LETTERS.length()));
            case NL -> {
                char a = NL_POSTCODE_LETTERS.charAt(r.nextInt(NL_POSTCODE_LETTERS.length()));
                char b = NL_POSTCODE_LETTERS.charAt(r.nextInt(NL_POSTCODE_LETTERS.length()));
                // SA, SD and SS are not issued
                yield prefix + Ids.pad(r.nextInt(100), 2) + " " + a + (a == 'S' && (b == 'A' || b == 'D' || b == 'S') ? 'B' : b);
            }
            default -> prefix + digits(r, 5 - prefix.length(), false);
        };
    }

    /** An employer: the owner's name for the self-employed, else a company name, with the country's company form. */
    String employer(String last, boolean selfEmployed, Rng r) {
        return (selfEmployed ? last : r.pick(ReferenceData.NAME_WORDS)) + " " + r.pick(companyForms);
    }
}
