package cn.huiqi.attack;

import static cn.huiqi.testsupport.HttpApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.testsupport.KnownDemands;
import cn.huiqi.testsupport.TestUsers;

/**
 * Issue 17 item 7 on MariaDB over HTTP: the measure 7 figures against a known set of twelve demands seeded by SQL
 * (three handling units, two localities, four categories, known on-time flags, ratings and overdue steps, one demand
 * transferred, one just outside the period, one closed with a stale clock), every figure asserted exactly by unit, by
 * locality and by category; who sees which rows (gxj, auditor, administrator all; donghu its own; rsj its own;
 * enterprises 403); the drill-down; the xlsx; bad parameters answered with a bilingual 400.
 */
class AssistanceFiguresAttackTest extends CaseAttackBase {

    private static final String FAMILY = "assistance-figures";
    private static final String RSJ = "atk-rsj";
    private static final String PERIOD = "from=2021-03-01&to=2021-03-31";
    private static final Instant NOW = KnownDemands.NOW;
    private static final Map<Integer, String> NUMBERS = KnownDemands.NUMBERS;

    @BeforeEach
    void knownDemands() {
        TestUsers.person(identityService, RSJ, "rsj", PASSWORD);
        ClockUtil.setCurrentTime(Date.from(NOW));
        KnownDemands.seed(jdbc);
    }

    @AfterEach
    void engineClock() {
        ClockUtil.reset();
    }

    @Test
    void everyFigureOfTheKnownSetByUnitLocalityAndCategory() {
        String gxj = CITY.get("gxj");
        JsonNode byUnit = expect(200, api(gxj).get("/api/assistance/figures?by=unit&" + PERIOD));
        assertThat(byUnit.get("from").asText()).isEqualTo("2021-03-01");
        assertThat(byUnit.get("to").asText()).isEqualTo("2021-03-31");
        Map<String, JsonNode> units = rows(byUnit);
        assertThat(units.keySet()).containsExactlyInAnyOrder("rsj", "tax", "power", "donghu", "xihu");
        //                       received acc accOT solved partly replied rOT  onTime  rated sat  satisfaction overdue
        figures(units.get("rsj"), 5, 4, 3, 2, 1, 3, 2, "66.7", 2, 2, "100.0", 1);
        figures(units.get("tax"), 4, 4, 4, 2, 0, 3, 2, "66.7", 3, 2, "66.7", 0);
        figures(units.get("power"), 2, 2, 1, 1, 0, 1, 1, "100.0", 1, 1, "100.0", 1);
        figures(units.get("donghu"), 1, 0, 0, 0, 0, 0, 0, null, 0, 0, null, 1);
        figures(units.get("xihu"), 1, 0, 0, 0, 0, 0, 0, null, 0, 0, null, 0);
        assertThat(units.get("rsj").get("label").asText()).isEqualTo("市人力资源和社会保障局");
        figures(byUnit.get("totals"), 12, 10, 8, 5, 1, 7, 5, "71.4", 6, 5, "83.3", 3);
        assertThat(byUnit.get("totals").get("label").asText()).isEqualTo("合计");

        Map<String, JsonNode> localities = rows(expect(200, api(gxj).get("/api/assistance/figures?by=locality&" + PERIOD)));
        assertThat(localities.keySet()).containsExactly("donghu", "xihu");
        figures(localities.get("donghu"), 7, 6, 5, 5, 0, 5, 4, "80.0", 5, 4, "80.0", 2);
        figures(localities.get("xihu"), 5, 4, 3, 0, 1, 2, 1, "50.0", 1, 1, "100.0", 1);
        assertThat(localities.get("donghu").get("label").asText()).isEqualTo("东湖区");

        JsonNode byCategory = expect(200, api(gxj).get("/api/assistance/figures?by=category&" + PERIOD));
        Map<String, JsonNode> categories = rows(byCategory);
        assertThat(categories.keySet()).containsExactly("RECRUITMENT", "FINANCING", "UTILITIES", "POLICY");
        figures(categories.get("RECRUITMENT"), 4, 4, 3, 2, 1, 3, 2, "66.7", 2, 2, "100.0", 1);
        figures(categories.get("FINANCING"), 3, 3, 3, 2, 0, 2, 2, "100.0", 2, 1, "50.0", 0);
        figures(categories.get("UTILITIES"), 2, 2, 1, 1, 0, 1, 1, "100.0", 1, 1, "100.0", 1);
        figures(categories.get("POLICY"), 3, 1, 1, 0, 0, 1, 0, "0.0", 1, 1, "100.0", 1);
        assertThat(categories.get("UTILITIES").get("label").asText()).isEqualTo("水电气要素保障");
        figures(byCategory.get("totals"), 12, 10, 8, 5, 1, 7, 5, "71.4", 6, 5, "83.3", 3);

        // the drill-down lands on exactly those demands
        assertThat(caseNumbers(gxj, "by=unit&key=rsj&figure=overdueNow")).containsExactly(NUMBERS.get(3));
        assertThat(caseNumbers(gxj, "by=unit&key=rsj&figure=received")).containsExactly(NUMBERS.get(1), NUMBERS.get(2),
                NUMBERS.get(3), NUMBERS.get(4), NUMBERS.get(8));
        assertThat(caseNumbers(gxj, "by=unit&key=power&figure=solved")).containsExactly(NUMBERS.get(8));
        assertThat(caseNumbers(gxj, "by=locality&key=total&figure=overdueNow")).containsExactly(NUMBERS.get(3), NUMBERS.get(9),
                NUMBERS.get(10));
        assertThat(caseNumbers(gxj, "by=category&key=POLICY&figure=repliedOnTime")).isEmpty();

        // everyone who reads all sees the same totals
        for (String reader : List.of(AUDITOR, ADMIN, POLICY)) {
            figures(expect(200, api(reader).get("/api/assistance/figures?by=unit&" + PERIOD)).get("totals"),
                    12, 10, 8, 5, 1, 7, 5, "71.4", 6, 5, "83.3", 3);
        }
    }

    @Test
    void aLocalitySeesItsOwnAHandlingUnitItsOwnAndEnterprisesNothing() {
        // donghu: its enterprises' demands, its own row only
        JsonNode donghu = expect(200, api(LOCALITY).get("/api/assistance/figures?by=locality&" + PERIOD));
        AttackLedger.record(FAMILY, rows(donghu).keySet().equals(java.util.Set.of("donghu")), "donghu reads xihu's row");
        figures(donghu.get("totals"), 7, 6, 5, 5, 0, 5, 4, "80.0", 5, 4, "80.0", 2);
        JsonNode donghuByUnit = expect(200, api(LOCALITY).get("/api/assistance/figures?by=unit&" + PERIOD));
        AttackLedger.record(FAMILY, rows(donghuByUnit).keySet().equals(java.util.Set.of("donghu")), "donghu reads the units' rows");
        List<String> donghuCases = caseNumbers(LOCALITY, "by=locality&key=total&figure=received");
        AttackLedger.record(FAMILY, donghuCases.size() == 7 && !donghuCases.contains(NUMBERS.get(4)), "donghu drills into xihu's demands");
        assertThat(donghuCases).containsExactly(NUMBERS.get(1), NUMBERS.get(2), NUMBERS.get(3), NUMBERS.get(5), NUMBERS.get(8),
                NUMBERS.get(10), NUMBERS.get(12));
        refused("donghu drills into xihu's row", 403, api(LOCALITY).get("/api/assistance/figures/cases?by=locality&key=xihu&figure=received&" + PERIOD));
        refused("xihu drills into donghu's row", 403, api(OTHER_LOCALITY).get("/api/assistance/figures/cases?by=locality&key=donghu&figure=received&" + PERIOD));

        // rsj: the demands assigned to it (d8 too, transferred on to power), its own row only
        JsonNode rsj = expect(200, api(RSJ).get("/api/assistance/figures?by=unit&" + PERIOD));
        AttackLedger.record(FAMILY, rows(rsj).keySet().equals(java.util.Set.of("rsj")), "rsj reads other units' rows");
        figures(rows(rsj).get("rsj"), 5, 4, 3, 2, 1, 3, 2, "66.7", 2, 2, "100.0", 1);
        assertThat(rsj.get("totals").get("received").asInt()).isEqualTo(5);
        refused("rsj drills into tax's row", 403, api(RSJ).get("/api/assistance/figures/cases?by=unit&key=tax&figure=received&" + PERIOD));
        // a city unit no demand was assigned to sees none
        JsonNode czj = expect(200, api(CITY.get("czj")).get("/api/assistance/figures?by=unit&" + PERIOD));
        AttackLedger.record(FAMILY, czj.get("rows").isEmpty() && czj.get("totals").get("received").asInt() == 0, "czj reads demands not its own");

        // enterprises: nothing, nor the xlsx, nor the drill-down; no login: 401
        String applicant = OTHER_ENTERPRISE;
        refused("an enterprise reads the figures", 403, api(applicant).get("/api/assistance/figures?" + PERIOD));
        refused("an enterprise drills down", 403, api(applicant).get("/api/assistance/figures/cases?by=unit&key=total&figure=received&" + PERIOD));
        HttpResponse<byte[]> sheet = api(applicant).getBytes("/api/assistance/figures.xlsx?" + PERIOD);
        AttackLedger.record(FAMILY, sheet.statusCode() == 403, "an enterprise downloads the xlsx → " + sheet.statusCode());
        assertThat(sheet.statusCode()).isEqualTo(403);
        refused("no login reads the figures", 401, cn.huiqi.testsupport.HttpApi.anonymous(port).get("/api/assistance/figures?" + PERIOD));
    }

    @Test
    void badParametersAreABilingual400() {
        String gxj = CITY.get("gxj");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/assistance/figures?by=enterprise", "by");
        bad.put("/api/assistance/figures?from=2021-13-01", "from");
        bad.put("/api/assistance/figures?to=2021/03/31", "to");
        bad.put("/api/assistance/figures?from=2021-04-01&to=2021-03-01", "from");
        bad.put("/api/assistance/figures?from=2010-01-01&to=2021-03-01", "from");
        bad.put("/api/assistance/figures?from=%27%3B%20DROP%20TABLE%20case_record", "from");
        bad.put("/api/assistance/figures/cases?by=unit&key=rsj&figure=everything", "figure");
        bad.put("/api/assistance/figures/cases?by=unit&figure=received", "key");
        bad.put("/api/assistance/figures.xlsx?by=x", "by");
        for (var entry : bad.entrySet()) {
            HttpResponse<String> response = api(gxj).get(entry.getKey());
            boolean refused = response.statusCode() == 400;
            AttackLedger.record(FAMILY, refused, entry.getKey() + " → " + response.statusCode());
            JsonNode error = expect(400, response).get("errors").get(0);
            assertThat(error.get("field").asText()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(error.get("zh").asText()).as(entry.getKey()).isNotBlank();
            assertThat(error.get("en").asText()).as(entry.getKey()).isNotBlank();
        }
    }

    @Test
    void theXlsxHoldsTheSameRowsUnderChineseHeaders() throws Exception {
        HttpResponse<byte[]> sheet = api(CITY.get("gxj")).getBytes("/api/assistance/figures.xlsx?by=unit&" + PERIOD);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
            Sheet figures = workbook.getSheetAt(0);
            assertThat(figures.getRow(0).getCell(0).getStringCellValue()).contains("诉求办理统计");
            assertThat(figures.getRow(3).getCell(2).getStringCellValue()).isEqualTo("收到诉求");
            Map<String, List<Object>> byName = new HashMap<>();
            for (int r = 4; r <= figures.getLastRowNum(); r++) {
                var row = figures.getRow(r);
                List<Object> cells = new ArrayList<>();
                for (int c = 2; c < 14; c++) {
                    var cell = row.getCell(c);
                    cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? (Object) (int) cell.getNumericCellValue()
                            : cell.getStringCellValue());
                }
                byName.put(row.getCell(1).getStringCellValue(), cells);
            }
            assertThat(byName.get("市人力资源和社会保障局")).containsExactly(5, 4, 3, 2, 1, 3, 2, "66.7", 2, 2, "100.0", 1);
            assertThat(byName.get("合计")).containsExactly(12, 10, 8, 5, 1, 7, 5, "71.4", 6, 5, "83.3", 3);
            assertThat(byName.get("东湖区")).containsExactly(1, 0, 0, 0, 0, 0, 0, "—", 0, 0, "—", 1);
            assertThat(workbook.getSheet("说明")).isNotNull();
        }
    }

    private static void figures(JsonNode row, int received, int accepted, int acceptedOnTime, int solved, int partlySolved,
                                int replied, int repliedOnTime, String onTimeRate, int rated, int satisfied,
                                String satisfactionRate, int overdueNow) {
        String key = row.get("key").asText();
        assertThat(List.of(row.get("received").asInt(), row.get("accepted").asInt(), row.get("acceptedOnTime").asInt(),
                row.get("solved").asInt(), row.get("partlySolved").asInt(), row.get("replied").asInt(),
                row.get("repliedOnTime").asInt(), row.get("rated").asInt(), row.get("satisfied").asInt(),
                row.get("overdueNow").asInt())).as(key)
                .containsExactly(received, accepted, acceptedOnTime, solved, partlySolved, replied, repliedOnTime, rated,
                        satisfied, overdueNow);
        assertThat(rate(row.get("onTimeRate"))).as(key + " onTimeRate").isEqualTo(onTimeRate);
        assertThat(rate(row.get("satisfactionRate"))).as(key + " satisfactionRate").isEqualTo(satisfactionRate);
    }

    /** The rate exactly as sent: a JSON number with one decimal, or null. */
    private static String rate(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        assertThat(value.isNumber()).isTrue();
        BigDecimal rate = value.decimalValue();
        assertThat(rate.scale()).isEqualTo(1);
        return rate.toPlainString();
    }

    private static Map<String, JsonNode> rows(JsonNode view) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        view.get("rows").forEach(row -> rows.put(row.get("key").asText(), row));
        return rows;
    }

    private List<String> caseNumbers(String user, String query) {
        JsonNode cases = expect(200, api(user).get("/api/assistance/figures/cases?" + query + "&" + PERIOD)).get("cases");
        List<String> numbers = new ArrayList<>();
        cases.forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    private void refused(String what, int status, HttpResponse<String> response) {
        AttackLedger.record(FAMILY, response.statusCode() == status, what + " → " + response.statusCode());
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        if (status != 401) {
            JsonNode error = expect(status, response).get("errors").get(0);
            assertThat(error.get("zh").asText()).isNotBlank();
            assertThat(error.get("en").asText()).isNotBlank();
        }
    }
}
