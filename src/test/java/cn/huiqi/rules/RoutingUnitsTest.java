package cn.huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import cn.huiqi.common.FieldProblem;

/**
 * The unit check of the routing tables, on the bundled tables and drafts of them, against the units V2, V33 and V43 ship
 * (no Spring; the published path is {@link RoutingUnitsPublishTest}).
 */
class RoutingUnitsTest {

    private static final Set<String> SHIPPED = Set.of("donghu", "xihu", "qingyunpu", "qingshanhu", "xinjian", "honggutan",
            "nanchangxian", "anyi", "jinxian", "gaoxin", "jingkai", "xiaolan", "wanli", "gxj", "swj", "czj", "jrb", "zxqyj", "ctjt",
            "szxbm", "tjj", "rsj", "zrzyj", "xzspj", "jtj", "kjj", "sthjj", "yjglj", "tax", "power", "water", "gas");
    private static final Function<String, RoutingUnits.Standing> STANDING =
            id -> id.equals("retired") ? RoutingUnits.Standing.INACTIVE : SHIPPED.contains(id) ? null : RoutingUnits.Standing.MISSING;

    @Test
    void theBundledTablesNameOnlyShippedUnits() throws IOException {
        assertThat(problems("responsible-units", xml("responsible-units"))).isEmpty();
        assertThat(problems("demand-routing", xml("demand-routing"))).isEmpty();
        assertThat(problems("order-reward", xml("order-reward"))).isEmpty(); // not a routing table: nothing to check
    }

    @Test
    void anUnknownOrInactiveUnitOfDemandRoutingIsNamedWithItsRow() throws IOException {
        String xml = xml("demand-routing");
        List<FieldProblem> unknown = problems("demand-routing", Drafts.withCell(xml, "rule-land-city-unit", "\"zrj\""));
        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("rules.rule-land-city.output-unit");
            assertThat(p.zh()).contains("规则 rule-land-city（第6行）").contains("办理单位").contains("zrj").contains("不存在");
            assertThat(p.en()).contains("Rule rule-land-city (row 6)").contains("zrj").contains("does not exist");
        });
        assertThat(problems("demand-routing", Drafts.withCell(xml, "rule-land-city-unit", "\"retired\"")))
                .singleElement().satisfies(p -> assertThat(p.zh()).contains("retired").contains("已停用"));
        assertThat(problems("demand-routing", Drafts.withCell(xml, "rule-land-city-unit", "\"\"")))
                .singleElement().satisfies(p -> assertThat(p.en()).contains("must name the handling unit"));
        // a cell that is no literal cannot be checked: refused
        assertThat(problems("demand-routing", Drafts.withCell(xml, "rule-land-city-unit", "if category = \"LAND\" then \"zrzyj\" else \"gxj\"")))
                .singleElement().satisfies(p -> assertThat(p.en()).contains("must be a quoted unit id"));
        // "locality" is the enterprise's own locality unit
        assertThat(problems("demand-routing", Drafts.withCell(xml, "rule-land-city-unit", "\"locality\""))).isEmpty();
    }

    @Test
    void anUnknownOrInactiveUnitOfResponsibleUnitsIsNamedWithItsRow() throws IOException {
        String xml = xml("responsible-units");
        String draft = Drafts.withCell(Drafts.withCell(xml, "rule-m1-review", "\"gxj,nosuch\""), "rule-m9-finance", "\"retired\"");
        assertThat(problems("responsible-units", draft)).extracting(FieldProblem::field, p -> p.zh().contains(p.field().contains("m1")
                ? "nosuch" : "retired")).containsExactly(org.assertj.core.groups.Tuple.tuple("rules.rule-m1.output-review-units", true),
                org.assertj.core.groups.Tuple.tuple("rules.rule-m9.output-finance-unit", true));
        // "locality" means nothing here
        assertThat(problems("responsible-units", Drafts.withCell(xml, "rule-m2-lead", "\"locality\""))).hasSize(1);
        assertThat(problems("responsible-units", Drafts.withCell(xml, "rule-m2-review", "\"gxj,,czj\""))).hasSize(1);
    }

    private static List<FieldProblem> problems(String key, String xml) {
        return RoutingUnits.check(key, TableView.parse(xml), STANDING);
    }

    private static String xml(String key) throws IOException {
        return Files.readString(Path.of("dmn", key + ".dmn"));
    }
}
