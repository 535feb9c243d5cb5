package cn.huiqi.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes one of the three lists as .xlsx: sheet 1 the list (row 1 Chinese headers, then one row per
 * project), sheet 2 "说明" with the list's definition, month, locality and who exported it when.
 * Money cells are numeric with the format {@code #,##0.00}; an amount with more than 15 significant
 * digits (beyond what a spreadsheet number holds exactly) is written as text so no fen is ever lost.
 * Progress is a numeric ratio shown as a percentage with four decimals (0.350000 → 35.0000%).
 */
@Component
class ProjectListWorkbook {

    public static final List<String> HEADERS = List.of("序号", "项目名称", "项目单位", "统一社会信用代码", "属地", "项目类型",
            "重大项目", "计划总投资（元）", "计划设备投资（元）", "计划开工日期", "计划完工日期", "实际开工日期", "实际完工日期",
            "月末状态", "本月开工", "本月完工", "截至月末累计完成投资（元）", "其中设备投资（元）", "月末投资进度", "当月已填报");

    public byte[] write(ProjectListView list, String localityName, String exportedBy) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormat format = workbook.createDataFormat();
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.0000%"));

            Sheet sheet = workbook.createSheet(list.titleZh() + " " + list.month());
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (ProjectView p : list.rows()) {
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r);
                row.createCell(c++).setCellValue(p.name());
                row.createCell(c++).setCellValue(p.enterprise().name());
                row.createCell(c++).setCellValue(p.enterprise().uscc());
                row.createCell(c++).setCellValue(p.locality().nameZh());
                row.createCell(c++).setCellValue(p.typeZh());
                row.createCell(c++).setCellValue(p.major() ? "是" : "否");
                money(row.createCell(c++), p.plannedTotalInvestment(), money);
                money(row.createCell(c++), p.plannedEquipmentInvestment(), money);
                date(row.createCell(c++), p.plannedStart(), date);
                date(row.createCell(c++), p.plannedCompletion(), date);
                date(row.createCell(c++), p.actualStart(), date);
                date(row.createCell(c++), p.actualCompletion(), date);
                row.createCell(c++).setCellValue(p.monthEnd().statusZh());
                row.createCell(c++).setCellValue(p.monthEnd().startedInMonth() ? "是" : "否");
                row.createCell(c++).setCellValue(p.monthEnd().completedInMonth() ? "是" : "否");
                money(row.createCell(c++), p.monthEnd().cumulativeInvestment(), money);
                money(row.createCell(c++), p.monthEnd().cumulativeEquipmentInvestment(), money);
                Cell progress = row.createCell(c++);
                progress.setCellValue(p.monthEnd().progress().doubleValue());
                progress.setCellStyle(percent);
                row.createCell(c).setCellValue(p.monthEnd().reported() ? "是" : "否（沿用上月）");
                r++;
            }
            int[] widths = {6, 36, 30, 22, 16, 10, 8, 18, 18, 12, 12, 12, 12, 8, 8, 8, 22, 18, 12, 12};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(2, 1);

            Sheet about = workbook.createSheet("说明");
            String[][] lines = {
                    {"清单", list.titleZh() + " / " + list.titleEn()},
                    {"月份", list.month().toString()},
                    {"属地", localityName == null ? "全部（导出人可见范围）" : localityName},
                    {"口径", list.definitionZh()},
                    {"Definition", list.definitionEn()},
                    {"投资进度口径", InvestmentProgress.BASIS_ZH},
                    {"项目数", String.valueOf(list.count())},
                    {"导出人", exportedBy},
                    {"导出时间（北京时间）", LocalDateTime.now(Months.ZONE).withNano(0).toString().replace('T', ' ')},
                    {"依据", "洪府办发〔2023〕81号 第4条 强化项目服务"}};
            for (int i = 0; i < lines.length; i++) {
                Row row = about.createRow(i);
                row.createCell(0).setCellValue(lines[i][0]);
                row.createCell(1).setCellValue(lines[i][1]);
            }
            about.setColumnWidth(0, 22 * 256);
            about.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void money(Cell cell, BigDecimal amount, CellStyle style) {
        if (amount == null) {
            return;
        }
        if (amount.precision() > 15) {
            cell.setCellValue(amount.toPlainString());
        } else {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(style);
        }
    }

    private static void date(Cell cell, LocalDate value, CellStyle style) {
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }
}
