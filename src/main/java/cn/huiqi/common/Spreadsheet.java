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
        return write(sheetName, List.of(), headers, rows, notes);
    }

    /**
     * Like {@link #write(String, List, List, List)} with {@code titles} above the headers, one line each, the first in
     * bold and larger (a list ready to publish: its title, period, where to object). Columns fit their widest text.
     */
    public static byte[] write(String sheetName, List<String> titles, List<String> headers, List<List<Object>> rows, List<String[]> notes) {
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
            CellStyle title = workbook.createCellStyle();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
            for (int t = 0; t < titles.size(); t++) {
                Cell cell = sheet.createRow(t).createCell(0);
                cell.setCellValue(titles.get(t));
                if (t == 0) {
                    cell.setCellStyle(title);
                }
            }
            int first = titles.isEmpty() ? 0 : titles.size() + 1; // a blank line between the titles and the table
            int[] widths = new int[headers.size()];
            Row head = sheet.createRow(first);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                widths[i] = width(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(first + r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (c < widths.length && value != null) {
                        widths[c] = Math.max(widths[c], width(value instanceof BigDecimal amount
                                ? Money.grouped(amount) : value.toString()));
                    }
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
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(60, Math.max(8, widths[i] + 2)) * 256);
            }
            sheet.createFreezePane(0, first + 1);
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

    /** Characters as the sheet shows them: a Chinese character is two columns wide. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return width;
    }
}
