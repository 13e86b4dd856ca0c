package dev.fap.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void findsQualifiedReferencesOnly() {
        assertThat(SqlText.references("select * from SILVER.Stg_A a join \"gold\".\"dim_b\" b on true, bronze . raw"))
                .containsExactly("silver.stg_a", "gold.dim_b", "bronze.raw");
        assertThat(SqlText.references("select silver.clean_text(x), silver.f (y), x.gold, t.silver.z from fap_meta.runs")).isEmpty();
        assertThat(SqlText.references("select 'it''s silver.x' from gold.y -- gold.z\n/* silver.w */")).containsExactly("gold.y");
    }

    @Test
    void rendersTheIncrementalMarker() {
        String sql = "select * from silver.t where true {{incremental and ts > (select max(ts) from {this})}} order by 1";
        assertThat(SqlText.render(sql, false, "gold.f", "f")).isEqualTo("select * from silver.t where true  order by 1");
        assertThat(SqlText.render(sql, true, "gold.f", "f"))
                .isEqualTo("select * from silver.t where true   and ts > (select max(ts) from gold.f)  order by 1");
        assertThat(SqlText.render("select * from x where id > (select max(id) from {this}){{incremental and {this}}}", true, "gold.f", "f"))
                .isEqualTo("select * from x where id > (select max(id) from gold.f)  and gold.f ");
        assertThatThrownBy(() -> SqlText.render("select 1 {{incremental where x", true, "gold.f", "f"))
                .hasMessageContaining("is not closed");
    }
}
