package cn.huiqi.attack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.huiqi.testsupport.HttpApi;

/** The evaluation's xlsx as a statistics bureau fills it: the downloaded template with a figure in every cell. */
public final class EvaluationSheets {

    /** The 13 localities of V2__units.sql. */
    static final List<String> LOCALITIES = List.of("donghu", "xihu", "qingyunpu", "qingshanhu", "xinjian", "honggutan", "nanchangxian",
            "anyi", "jinxian", "gaoxin", "jingkai", "xiaolan", "wanli");

    private EvaluationSheets() {
    }

    static byte[] template(HttpApi as, long roundId) {
        HttpResponse<byte[]> response = as.getBytes("/api/evaluations/" + roundId + "/figures/template.xlsx");
        if (response.statusCode() != 200) {
            throw new AssertionError("template: " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The template filled by {@code value(unit, column header)}: a String or Number written as such, null leaves the
     * cell blank. {@code extraRows} are appended as they are (unit id first).
     */
    public static byte[] fill(byte[] template, BiFunction<String, String, Object> value, List<List<Object>> extraRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = -1;
            for (int r = 0; r <= sheet.getLastRowNum() && header < 0; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && "单位编号".equals(row.getCell(0).getStringCellValue())) {
                    header = r;
                }
            }
            Row head = sheet.getRow(header);
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String unit = row.getCell(0).getStringCellValue();
                for (int c = 2; c < head.getLastCellNum(); c++) {
                    set(row, c, value.apply(unit, head.getCell(c).getStringCellValue()));
                }
            }
            int next = sheet.getLastRowNum() + 1;
            for (List<Object> extra : extraRows) {
                Row row = sheet.createRow(next++);
                for (int c = 0; c < extra.size(); c++) {
                    set(row, c, extra.get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Plausible growth figures for every cell; counts whole. */
    static Object plausible(String unit, String header) {
        int i = LOCALITIES.indexOf(unit);
        return header.contains("[NEW_ABOVE_SCALE]") ? (Object) (5 + i) : (Object) (6.5 + i * 0.25);
    }

    private static void set(Row row, int c, Object v) {
        if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
        } else if (v instanceof String s) {
            if (s.startsWith("=")) {
                row.createCell(c).setCellFormula(s.substring(1));
            } else {
                row.createCell(c).setCellValue(s);
            }
        } else {
            Row r = row;
            if (r.getCell(c) != null) {
                r.removeCell(r.getCell(c));
            }
        }
    }

    static Map<String, Object> gxjScore(String unit, Object value) {
        return Map.of("unit", unit, "indicator", "CHAIN_1269", "value", value);
    }
}
