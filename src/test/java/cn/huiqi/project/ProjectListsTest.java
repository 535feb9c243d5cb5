package cn.huiqi.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.huiqi.testsupport.HttpApi;

/**
 * The three lists of measure 4 against a known library, at the month boundaries (M = 2023-08):
 * <pre>
 * P1 donghu  started 2023-08-01 (first day of M)
 * P2 donghu  started 2023-08-31 (last day of M)
 * P3 donghu  started 2023-09-01 (first day of M+1)
 * P4 xihu    major, started 2023-01-05, completed 2023-08-31 (last day of M)
 * P5 xihu    major, started 2023-02-01, completed 2023-07-31 (the month before)
 * P6 donghu  major, planned 2023-12-01, not started
 * P7 donghu  major, started 2023-02-01, completed 2023-09-01 (first day of M+1)
 * </pre>
 */
class ProjectListsTest extends ProjectLibraryTestBase {

    static final YearMonth M = YearMonth.of(2023, 8);

    @BeforeEach
    void knownLibrary() {
        project("P1", "donghu", "100000000.00", "2023-07-01", "2024-06-30", "2023-08-01", null, false);
        project("P2", "donghu", "100000000.00", "2023-07-01", "2024-06-30", "2023-08-31", null, false);
        project("P3", "donghu", "100000000.00", "2023-07-01", "2024-06-30", "2023-09-01", null, false);
        project("P4", "xihu", "100000000.00", "2023-01-01", "2023-08-31", "2023-01-05", "2023-08-31", true);
        project("P5", "xihu", "100000000.00", "2023-02-01", "2023-07-31", "2023-02-01", "2023-07-31", true);
        project("P6", "donghu", "100000000.00", "2023-12-01", "2024-12-31", null, null, true);
        Project p7 = project("P7", "donghu", "123456789.12", "2023-02-01", "2023-08-31", "2023-02-01", "2023-09-01", true);
        report(p7, "2023-07", "100000000.00", "0");
        report(p7, "2023-08", "111111111.11", "22222222.22");
    }

    private List<String> names(ProjectList list, String locality, YearMonth month) {
        return queries.list(GXJ, list, locality, month).rows().stream().map(ProjectView::name).toList();
    }

    @Test
    void startedListHoldsEveryProjectStartedOnOrBeforeTheMonthEnd() {
        assertThat(names(ProjectList.STARTED, null, M)).containsExactlyInAnyOrder("P1", "P2", "P4", "P5", "P7");
        assertThat(names(ProjectList.STARTED, null, M.minusMonths(1))).containsExactlyInAnyOrder("P4", "P5", "P7");
        assertThat(names(ProjectList.STARTED, null, M.plusMonths(1))).containsExactlyInAnyOrder("P1", "P2", "P3", "P4", "P5", "P7");
        assertThat(names(ProjectList.STARTED, "donghu", M)).containsExactly("P1", "P2", "P7");
        assertThat(names(ProjectList.STARTED, "xihu", M)).containsExactly("P4", "P5");
        assertThat(queries.list(GXJ, ProjectList.STARTED, null, M).rows())
                .filteredOn(p -> p.monthEnd().startedInMonth()).extracting(ProjectView::name).containsExactlyInAnyOrder("P1", "P2");
    }

    @Test
    void completedListHoldsProjectsCompletedWithinTheMonthIncludingItsLastDay() {
        assertThat(names(ProjectList.COMPLETED, null, M)).containsExactly("P4");
        assertThat(names(ProjectList.COMPLETED, null, M.minusMonths(1))).containsExactly("P5");
        assertThat(names(ProjectList.COMPLETED, null, M.plusMonths(1))).containsExactly("P7");
        assertThat(names(ProjectList.COMPLETED, "donghu", M)).isEmpty();
    }

    @Test
    void majorListHoldsMajorProjectsNotCompletedByTheMonthEnd() {
        assertThat(names(ProjectList.MAJOR, null, M)).containsExactlyInAnyOrder("P6", "P7");
        assertThat(names(ProjectList.MAJOR, null, M.minusMonths(1))).containsExactlyInAnyOrder("P4", "P6", "P7");
        assertThat(names(ProjectList.MAJOR, null, M.plusMonths(1))).containsExactly("P6");
        assertThat(names(ProjectList.MAJOR, "xihu", M)).isEmpty();
        ProjectView p6 = queries.list(GXJ, ProjectList.MAJOR, null, M).rows().stream().filter(p -> p.name().equals("P6")).findFirst().orElseThrow();
        assertThat(p6.monthEnd().status()).isEqualTo("PLANNED");
    }

    static List<String> rowNames(com.fasterxml.jackson.databind.JsonNode list) {
        List<String> names = new java.util.ArrayList<>();
        list.get("rows").forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    @Test
    void listsAsJsonOverHttpCarryTheDefinition() {
        var body = HttpApi.expect(200, call("donghu-verifier", "GET", "/api/projects/lists/major?month=2023-08", null));
        assertThat(body.get("titleZh").asText()).isEqualTo("在库推进重大项目清单");
        assertThat(body.get("definitionZh").asText()).contains("尚未完工");
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(rowNames(body)).containsExactlyInAnyOrder("P6", "P7");
        // a locality sees only its own projects, even without a locality filter
        var started = HttpApi.expect(200, call("xihu-verifier", "GET", "/api/projects/lists/started?month=2023-08", null));
        assertThat(rowNames(started)).containsExactly("P4", "P5");
        HttpApi.expect(403, call("xihu-verifier", "GET", "/api/projects/lists/started?month=2023-08&locality=donghu", null));
        HttpApi.expect(403, call("ent-hongdu", "GET", "/api/projects/lists/started?month=2023-08", null));
        HttpApi.expect(403, call("swj-reviewer", "GET", "/api/projects/lists/started?month=2023-08", null));
        HttpApi.expect(404, call("gxj-reviewer", "GET", "/api/projects/lists/unknown?month=2023-08", null));
        var badMonth = HttpApi.expect(400, call("gxj-reviewer", "GET", "/api/projects/lists/started?month=2023-8", null));
        assertThat(badMonth.get("errors").get(0).get("field").asText()).isEqualTo("month");
    }

    @Test
    void xlsxExportHasChineseHeadersAndExactMoneyCells() throws IOException {
        HttpResponse<byte[]> response = download("gxj-reviewer", "/api/projects/lists/started.xlsx?locality=donghu&month=2023-08");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains(".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("开工项目清单 2023-08");
            Row header = sheet.getRow(0);
            List<String> headers = new java.util.ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(ProjectListWorkbook.HEADERS);
            assertThat(headers).contains("项目名称", "计划总投资（元）", "截至月末累计完成投资（元）", "月末投资进度");
            assertThat(sheet.getLastRowNum()).isEqualTo(3); // P1, P2, P7

            Row p7 = sheet.getRow(3);
            assertThat(p7.getCell(1).getStringCellValue()).isEqualTo("P7");
            Cell planned = p7.getCell(headers.indexOf("计划总投资（元）"));
            assertThat(planned.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new java.math.BigDecimal(String.valueOf(planned.getNumericCellValue()))).isEqualByComparingTo("123456789.12");
            assertThat(planned.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell cumulative = p7.getCell(headers.indexOf("截至月末累计完成投资（元）"));
            assertThat(java.math.BigDecimal.valueOf(cumulative.getNumericCellValue())).isEqualByComparingTo("111111111.11");
            Cell equipment = p7.getCell(headers.indexOf("其中设备投资（元）"));
            assertThat(java.math.BigDecimal.valueOf(equipment.getNumericCellValue())).isEqualByComparingTo("22222222.22");
            Cell ratio = p7.getCell(headers.indexOf("月末投资进度"));
            assertThat(java.math.BigDecimal.valueOf(ratio.getNumericCellValue())).isEqualByComparingTo("0.900000");
            assertThat(p7.getCell(headers.indexOf("实际开工日期")).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2023, 2, 1));
            assertThat(p7.getCell(headers.indexOf("属地")).getStringCellValue()).isEqualTo("东湖区");
            assertThat(workbook.getSheet("说明").getRow(3).getCell(1).getStringCellValue()).contains("已实际开工");
        }
        assertThat(download("ent-hongdu", "/api/projects/lists/started.xlsx?month=2023-08").statusCode()).isEqualTo(403);
        assertThat(download(null, "/api/projects/lists/started.xlsx?month=2023-08").statusCode()).isEqualTo(401);
    }
}
