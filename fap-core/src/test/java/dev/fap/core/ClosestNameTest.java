package dev.fap.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    @Test
    void levenshteinDistances() {
        assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestName.distance("DB_HSOT", "DB_HOST")).isEqualTo(2);
        assertThat(ClosestName.distance("same", "same")).isZero();
    }

    @Test
    void hintNamesTheClosestCandidateWithinTheLimit() {
        List<String> keys = List.of("DB_HOST", "DB_PORT", "DB_NAME");
        assertThat(ClosestName.hint("DB_PROT", keys, 2)).isEqualTo(" (did you mean DB_PORT?)");
        assertThat(ClosestName.hint("FAP_SOMETHING", keys, 2)).isEmpty();
        assertThat(ClosestName.find("DB_NAM", keys, 1)).contains("DB_NAME");
    }
}
