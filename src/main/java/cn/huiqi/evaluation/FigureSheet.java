package cn.huiqi.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Spreadsheet;

/**
 * The xlsx of official figures: the template (one row per locality, named in Chinese with its unit id; one column per
 * statistics-sourced indicator, its code in brackets; an instructions line above) and the check of a filled-in file.
 * Every cell is checked and every problem named by row and column ("第5行 C列：…"); one problem refuses the file whole.
 */
final class FigureSheet {

    static final String UNIT_HEADER = "单位编号";
    static final int MAX_ROWS = 500;
    private static final Pattern CODE = Pattern.compile("\\[([A-Z0-9_]+)]\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,12}(\\.\\d{1,6})?");

    private FigureSheet() {
    }

    static byte[] template(EvaluationStore.Round round, List<EvaluationStore.Indicator> indicators, Map<String, String> localities) {
        List<String> headers = new ArrayList<>(List.of(UNIT_HEADER, "地区"));
        List<EvaluationStore.Indicator> columns = indicators.stream().filter(EvaluationStore.Indicator::fromStatistics).toList();
        columns.forEach(i -> headers.add(header(i)));
        List<List<Object>> rows = new ArrayList<>();
        localities.forEach((id, name) -> rows.add(new ArrayList<>(List.of(id, name))));
        String titles = round.name() + "（" + round.periodFrom() + " 至 " + round.periodTo() + "）统计数据导入模板";
        String instructions = "说明：每个地区一行，勿改动单位编号和列标题；百分比填数值（如 8.5 表示 8.5%），最多2位小数；家数填整数；"
                + "“新增规上工业企业”统计部门无数据时留空，由地区自行填报并附证明材料。任何一格有误，整个文件不予导入。";
        List<String[]> notes = new ArrayList<>();
        for (EvaluationStore.Indicator i : columns) {
            notes.add(new String[] {i.nameZh(), "单位：" + i.unit() + "；" + (i.decimals() == 0 ? "整数" : "最多" + i.decimals() + "位小数")
                    + "；合理范围 " + i.min().stripTrailingZeros().toPlainString() + " 至 " + i.max().stripTrailingZeros().toPlainString()
                    + (i.selfReport() ? "；可留空（由地区自报）" : "；必填") + "；目标值 " + i.target().stripTrailingZeros().toPlainString()
                    + "（" + i.note() + "）"});
        }
        return Spreadsheet.write("统计数据", List.of(titles, instructions), headers, rows, notes);
    }

    static String header(EvaluationStore.Indicator i) {
        return i.nameZh() + "（" + i.unit() + "）[" + i.code() + "]";
    }

    /** The figures of the file by locality and indicator code (a blank optional cell is absent), or every problem at once. */
    static Map<String, Map<String, BigDecimal>> read(byte[] bytes, List<EvaluationStore.Indicator> indicators, Map<String, String> localities) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> figures = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            int headerRow = sheet == null ? -1 : headerRow(sheet);
            if (headerRow < 0) {
                throw new InvalidInputException("file", "找不到标题行（第一列为“" + UNIT_HEADER + "”）：请使用下载的模板",
                        "No header row (first column '" + UNIT_HEADER + "') found: use the downloaded template");
            }
            Map<String, EvaluationStore.Indicator> byCode = new HashMap<>();
            indicators.stream().filter(EvaluationStore.Indicator::fromStatistics).forEach(i -> byCode.put(i.code(), i));
            Map<Integer, EvaluationStore.Indicator> columns = new LinkedHashMap<>();
            Row head = sheet.getRow(headerRow);
            for (int c = 1; c < head.getLastCellNum(); c++) {
                String text = text(head.getCell(c));
                if (c == 1 || text.isEmpty()) {
                    continue; // the locality's name, and empty columns
                }
                Matcher m = CODE.matcher(text);
                EvaluationStore.Indicator indicator = m.find() ? byCode.get(m.group(1)) : null;
                if (indicator == null) {
                    problems.add(problem(headerRow, c, "列标题“" + text + "”不是本轮的统计指标", "column '" + text + "' is not a statistics indicator of this round"));
                } else if (columns.containsValue(indicator)) {
                    problems.add(problem(headerRow, c, "指标 " + indicator.nameZh() + " 的列重复", "indicator " + indicator.code() + " appears twice"));
                } else {
                    columns.put(c, indicator);
                }
            }
            for (EvaluationStore.Indicator i : byCode.values()) {
                if (!columns.containsValue(i)) {
                    problems.add(new FieldProblem("file", "缺少指标列：" + header(i), "Missing column: " + i.code()));
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            int last = Math.min(sheet.getLastRowNum(), headerRow + MAX_ROWS);
            if (sheet.getLastRowNum() > last) {
                problems.add(new FieldProblem("file", "行数过多（最多 " + MAX_ROWS + " 行）", "Too many rows (at most " + MAX_ROWS + ")"));
            }
            for (int r = headerRow + 1; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row)) {
                    continue;
                }
                String unit = text(row.getCell(0));
                if (unit.isEmpty()) {
                    problems.add(problem(r, 0, "缺少单位编号", "unit id missing"));
                    continue;
                }
                if (!localities.containsKey(unit)) {
                    problems.add(problem(r, 0, "未知的地区单位编号“" + clip(unit) + "”", "unknown locality '" + clip(unit) + "'"));
                    continue;
                }
                if (seen.containsKey(unit)) {
                    problems.add(problem(r, 0, "地区 " + localities.get(unit) + " 重复（已在第" + (seen.get(unit) + 1) + "行）",
                            "locality " + unit + " appears twice (already in row " + (seen.get(unit) + 1) + ")"));
                    continue;
                }
                seen.put(unit, r);
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                for (Map.Entry<Integer, EvaluationStore.Indicator> column : columns.entrySet()) {
                    BigDecimal value = value(row.getCell(column.getKey()), column.getValue(), r, column.getKey(), problems);
                    if (value != null) {
                        values.put(column.getValue().code(), value);
                    }
                }
                figures.put(unit, values);
            }
            localities.forEach((id, name) -> {
                if (!seen.containsKey(id)) {
                    problems.add(new FieldProblem("file", "缺少地区 " + name + "（" + id + "）的行", "No row for locality " + id));
                }
            });
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "不是有效的 xlsx 文件：请使用下载的模板", "Not a valid xlsx file: use the downloaded template");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return figures;
    }

    private static BigDecimal value(Cell cell, EvaluationStore.Indicator indicator, int r, int c, List<FieldProblem> problems) {
        BigDecimal value;
        if (cell == null || cell.getCellType() == CellType.BLANK || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
            if (!indicator.selfReport()) {
                problems.add(problem(r, c, indicator.nameZh() + " 不能为空", indicator.code() + " is required"));
            }
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double d = cell.getNumericCellValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                problems.add(problem(r, c, "不是数值", "not a number"));
                return null;
            }
            value = new BigDecimal(Double.toString(d));
        } else if (cell.getCellType() == CellType.STRING && NUMBER.matcher(cell.getStringCellValue().trim()).matches()) {
            value = new BigDecimal(cell.getStringCellValue().trim());
        } else if (cell.getCellType() == CellType.FORMULA) {
            problems.add(problem(r, c, "请填写数值，不要用公式", "enter a number, not a formula"));
            return null;
        } else {
            problems.add(problem(r, c, "“" + clip(text(cell)) + "”不是数值" + (text(cell).contains("%") ? "（百分比请填数值，不带%）" : ""),
                    "'" + clip(text(cell)) + "' is not a number"));
            return null;
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.scale() > indicator.decimals()) {
            problems.add(problem(r, c, indicator.nameZh() + (indicator.decimals() == 0 ? " 须为整数" : " 最多" + indicator.decimals() + "位小数")
                    + "（" + value.toPlainString() + "）", indicator.code() + " allows " + indicator.decimals() + " decimals (" + value.toPlainString() + ")"));
            return null;
        }
        if (value.compareTo(indicator.min()) < 0 || value.compareTo(indicator.max()) > 0) {
            problems.add(problem(r, c, indicator.nameZh() + " " + value.toPlainString() + " 超出合理范围 " + indicator.min().stripTrailingZeros().toPlainString()
                    + " 至 " + indicator.max().stripTrailingZeros().toPlainString(), indicator.code() + " " + value.toPlainString()
                    + " is outside the plausible range " + indicator.min().toPlainString() + " to " + indicator.max().toPlainString()));
            return null;
        }
        return value;
    }

    private static int headerRow(Sheet sheet) {
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 10); r++) {
            Row row = sheet.getRow(r);
            if (row != null && UNIT_HEADER.equals(text(row.getCell(0)))) {
                return r;
            }
        }
        return -1;
    }

    private static boolean blank(Row row) {
        for (int c = 0; c < row.getLastCellNum(); c++) {
            if (!text(row.getCell(c)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).trim();
    }

    private static String clip(String text) {
        String plain = text.replaceAll("\\p{Cntrl}", " ");
        return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
    }

    /** "第5行 C列：…" with 1-based rows as the spreadsheet shows them. */
    static FieldProblem problem(int row, int column, String zh, String en) {
        String col = CellReference.convertNumToColString(column);
        return new FieldProblem("file", "第" + (row + 1) + "行 " + col + "列：" + zh, "Row " + (row + 1) + ", column " + col + ": " + en);
    }
}
