package dev.fap.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fap.core.bronze.BronzeTable;
import dev.fap.generator.DirtyManifest.Defect;
import dev.fap.generator.rows.BronzeRecord;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manifest names exactly the rows that differ from the clean dataset, and what was done to them. */
class DirtyDataTest {
    static final DatasetSpec CLEAN = DatasetSpec.defaults().withSeed(3).withCustomers(600).withTransactions(6_000).withMerchants(60);

    @Test
    void manifestIsExact() {
        FinancialDataset clean = DataGenerator.of(CLEAN).inMemory();
        DataGenerator gen = DataGenerator.of(CLEAN.withDirtyRate(0.05));
        FinancialDataset dirty = gen.inMemory();
        DirtyManifest m = dirty.dirty();
        assertThat(m).isEqualTo(gen.dirtyManifest());
        assertThat(m.size()).isGreaterThan(300);
        Set<Defect> kinds = EnumSet.noneOf(Defect.class);
        m.entries().forEach(e -> kinds.add(e.defect()));
        assertThat(kinds).containsExactlyInAnyOrder(Defect.values());
        for (BronzeTable t : BronzeTable.values()) {
            List<BronzeRecord> c = clean.rows(t);
            List<BronzeRecord> d = dirty.rows(t);
            Map<Long, DirtyManifest.Entry> byRow = new HashMap<>();
            m.of(t).forEach(e -> byRow.put(e.rowNumber(), e));
            long duplicates = m.count(t, Defect.DUPLICATE);
            assertThat(d).as(t.tableName()).hasSize(c.size() + (int) duplicates);
            int ci = 0;
            for (int di = 0; di < d.size(); di++) {
                long rowNumber = di + 1;
                DirtyManifest.Entry e = byRow.get(rowNumber);
                if (e != null && e.defect() == Defect.DUPLICATE) {
                    assertThat(d.get(di)).isEqualTo(d.get(di - 1));
                    continue;
                }
                BronzeRecord original = c.get(ci++);
                if (e == null) {
                    assertThat(d.get(di)).as("%s row %d", t.tableName(), rowNumber).isEqualTo(original);
                    continue;
                }
                assertThat(e.key()).isEqualTo(original.key());
                Object[] ov = original.values();
                Object[] dv = d.get(di).values();
                int col = t.indexOf(e.column());
                for (int k = 0; k < ov.length; k++) {
                    if (k == col) {
                        assertThat(dv[k]).as("%s row %d %s", t.tableName(), rowNumber, e.defect()).isNotEqualTo(ov[k]);
                        assertThat(String.valueOf(dv[k])).isEqualTo(e.detail());
                    } else {
                        assertThat(dv[k]).isEqualTo(ov[k]);
                    }
                }
                check(e, dv[col], dirty);
            }
            assertThat(ci).isEqualTo(c.size());
        }
    }

    private static void check(DirtyManifest.Entry e, Object v, FinancialDataset ds) {
        switch (e.defect()) {
            case MISSING_KEY -> assertThat(v).isNull();
            case ORPHAN_REFERENCE -> assertThat((String) v).matches("[A-Z]0+");
            case MALFORMED_EMAIL -> assertThat((String) v).doesNotMatch("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
            case MALFORMED_PHONE -> assertThat(((String) v).replaceAll("\\D", "")).hasSizeLessThan(10);
            case STRAY_WHITESPACE -> assertThat((String) v).isNotEqualTo(((String) v).strip());
            case FUTURE_DATE -> assertThat(v.toString().substring(0, 10)).isGreaterThan(ds.spec().endDate().toString());
            case UNKNOWN_CODE, WRONG_CASE, NEGATIVE_AMOUNT, ABSURD_AMOUNT, DUPLICATE -> assertThat(v).isNotNull();
        }
    }

    @Test
    void cleanByDefaultAndDirtyRowsAreReproducible() {
        assertThat(DataGenerator.of(CLEAN).dirtyManifest().isEmpty()).isTrue();
        DirtyManifest a = DataGenerator.of(CLEAN.withDirtyRate(0.01)).dirtyManifest();
        DirtyManifest b = DataGenerator.of(CLEAN.withDirtyRate(0.01).withThreads(1)).dirtyManifest();
        assertThat(a).isEqualTo(b);
        assertThat(a.countsByTable().get(BronzeTable.TRANSACTIONS)).isBetween(30L, 95L);
        assertThat(Arrays.stream(a.toString().split(" ")).findFirst()).contains("DirtyManifest[" + a.size());
    }
}
