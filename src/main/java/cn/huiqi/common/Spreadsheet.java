package cn.huiqi.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One-sheet xlsx with Chinese headers: text cells, dates (yyyy-mm-dd) and money (#,##0.00). A money
 * cell holds the amount as a number for people to add up; BigDecimal of at most 15 significant digits
 * converts to the spreadsheet's number exactly.
 */
public final class Spreadsheet {

    private Spreadsheet() {
    }

    public static byte[] write(String sheetName, List<String> headers, List<List<Object>> rows, List<String[]> notes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DataFormat format = workbook.createDataFormat();
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(format.getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));

            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() * 3) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal amount) {
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            if (!notes.isEmpty()) {
                Sheet about = workbook.createSheet("说明");
                for (int i = 0; i < notes.size(); i++) {
                    Row row = about.createRow(i);
                    row.createCell(0).setCellValue(notes.get(i)[0]);
                    row.createCell(1).setCellValue(notes.get(i)[1]);
                }
                about.setColumnWidth(0, 22 * 256);
                about.setColumnWidth(1, 100 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
