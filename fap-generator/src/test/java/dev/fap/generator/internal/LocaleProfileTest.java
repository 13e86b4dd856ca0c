package dev.fap.generator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The check characters of national ids against published examples. */
class LocaleProfileTest {
    @Test
    void germanTaxIdCheckDigitOfTheFederalCentralTaxOfficesExample() {
        // "86 095 742 719" is the example tax id the Bundeszentralamt für Steuern prints
        assertThat(LocaleProfile.germanTaxCheckDigit("8609574271")).isEqualTo(9);
    }

    @Test
    void italianCodiceFiscaleOfTheTextbookMarioRossi() {
        // Mario Rossi, born 10 December 1985 in Bagnone (A562): RSSMRA85T10A562S
        assertThat(LocaleProfile.codiceFiscale("Mario", "Rossi", LocalDate.of(1985, 12, 10), true, "A562")).isEqualTo("RSSMRA85T10A562S");
        // a woman's day of birth is 40 higher; a first name with 4+ consonants takes the 1st, 3rd and 4th
        assertThat(LocaleProfile.codiceFiscale("Alessandra", "De Luca", LocalDate.of(1990, 1, 5), false, "H501"))
                .startsWith("DLCLSN90A45H501");
    }
}
