package dev.fap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    //  bronze.raw -> stg_a -> dim_a -> fact -> report
    //                stg_b -----------^
    static final Project P = Project.of(
            Model.staging("stg_a", Layer.SILVER).uniqueKey("id").sql("select * from bronze.raw").tags("staging"),
            Model.staging("stg_b", Layer.SILVER).uniqueKey("id").sql("select * from bronze.raw").tags("staging"),
            Model.table("dim_a", Layer.GOLD).sql("select * from silver.stg_a").tags("dimension"),
            Model.incremental("fact", Layer.GOLD).uniqueKey("id").sql("select * from gold.dim_a, silver.stg_b").tags("fact"),
            Model.view("report", Layer.GOLD).sql("select * from gold.fact").tags("analytics"));

    static List<String> select(String s) {
        return Selection.parse(s).resolve(P).stream().map(Model::name).toList();
    }

    @Test
    void everySelectorForm() {
        assertThat(select("*")).containsExactly("stg_a", "stg_b", "dim_a", "fact", "report");
        assertThat(select("")).hasSize(5);
        assertThat(Selection.all().resolve(P)).hasSize(5);
        assertThat(select("dim_a")).containsExactly("dim_a");
        assertThat(select("dim_a+")).containsExactly("dim_a", "fact", "report");
        assertThat(select("+fact")).containsExactly("stg_a", "stg_b", "dim_a", "fact");
        assertThat(select("+dim_a+")).containsExactly("stg_a", "dim_a", "fact", "report");
        assertThat(select("1+fact")).containsExactly("stg_b", "dim_a", "fact");
        assertThat(select("stg_a+1")).containsExactly("stg_a", "dim_a");
        assertThat(select("stg_a+2")).containsExactly("stg_a", "dim_a", "fact");
        assertThat(select("layer:silver")).containsExactly("stg_a", "stg_b");
        assertThat(select("silver")).containsExactly("stg_a", "stg_b");
        assertThat(select("gold")).containsExactly("dim_a", "fact", "report");
        assertThat(select("tag:dimension")).containsExactly("dim_a");
        assertThat(select("tag:dimension+")).containsExactly("dim_a", "fact", "report");
        assertThat(select("materialized:incremental")).containsExactly("fact");
        assertThat(select("report stg_b")).containsExactly("stg_b", "report");
        assertThat(select("report,stg_b")).containsExactly("stg_b", "report");
        assertThat(Selection.of("report", "tag:staging").resolve(P)).extracting(Model::name).containsExactly("stg_a", "stg_b", "report");
        assertThat(Selection.parse("gold").exclude("tag:analytics").resolve(P)).extracting(Model::name).containsExactly("dim_a", "fact");
        assertThat(Selection.parse("+report").exclude("silver").toString()).isEqualTo("+report --exclude silver");
    }

    @Test
    void unknownNamesAndTagsAreErrors() {
        assertThatThrownBy(() -> select("dim_b")).hasMessageContaining("no model named dim_b");
        assertThatThrownBy(() -> select("tag:nope")).hasMessageContaining("no model has the tag 'nope'");
        assertThatThrownBy(() -> select("layer:platinum")).hasMessageContaining("unknown layer");
        assertThatThrownBy(() -> select("owner:me")).hasMessageContaining("unknown selector method");
        assertThatThrownBy(() -> select("materialized:ephemeral")).hasMessageContaining("unknown materialization");
    }
}
