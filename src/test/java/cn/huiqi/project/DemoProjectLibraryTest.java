package cn.huiqi.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.huiqi.identity.Caller;
import cn.huiqi.testsupport.QuickStartTest;

/** The quick start's demo library (db/demo/V1001) loads and reads as its comments say. */
@QuickStartTest
class DemoProjectLibraryTest {

    static final Caller GXJ = new Caller("gxj-reviewer", List.of("gxj"));
    static final YearMonth FROM = YearMonth.of(2023, 7);
    static final YearMonth TO = YearMonth.of(2023, 9);

    @Autowired
    ProjectQueries queries;
    @Autowired
    ProjectRepository projects;
    @Autowired
    InvestmentProgress progress;

    private List<String> names(ProjectList list, YearMonth month) {
        return queries.list(GXJ, list, null, month).rows().stream().map(ProjectView::name).toList();
    }

    private long id(String name) {
        return projects.findAll().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    @Test
    void demoLibraryListsAndProgress() {
        assertThat(projects.count()).isEqualTo(9);
        assertThat(projects.findAll()).extracting(Project::getLocalityUnitId).contains("donghu", "qingshanhu", "gaoxin", "xiaolan", "anyi");
        assertThat(names(ProjectList.STARTED, YearMonth.of(2023, 8))).hasSize(7);
        assertThat(names(ProjectList.COMPLETED, YearMonth.of(2023, 8))).containsExactly("数控加工中心智能化技术改造项目");
        assertThat(names(ProjectList.COMPLETED, YearMonth.of(2023, 6))).containsExactly("冲压车间自动化技术改造项目");
        assertThat(names(ProjectList.MAJOR, TO)).hasSize(5);

        var bearing = progress.compare(id("年产50万套精密轴承扩建项目"), FROM, TO);
        assertThat(bearing.populationSize()).isEqualTo(7);
        assertThat(bearing.projectAverage()).isEqualTo(new BigDecimal("0.368750"));
        assertThat(bearing.overallAverage()).isEqualTo(new BigDecimal("0.387036"));
        assertThat(bearing.exceedsOverall()).isFalse();
        assertThat(progress.compare(id("高性能锂电隔膜二期项目"), FROM, TO).exceedsOverall()).isTrue();
        assertThat(progress.compare(id("节能型铝型材挤压生产线技术改造项目"), FROM, TO).exceedsOverall()).isTrue();
        var chassis = progress.compare(id("新能源汽车底盘件智能工厂项目"), FROM, TO);
        assertThat(chassis.months().get(1).reported()).as("August missing, carried forward").isFalse();
        assertThat(progress.equipmentInvestmentIn(id("年产50万套精密轴承扩建项目"), FROM, TO)).isEqualTo(new BigDecimal("58000000.00"));
    }
}
