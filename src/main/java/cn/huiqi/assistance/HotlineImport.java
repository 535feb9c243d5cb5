package cn.huiqi.assistance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Spreadsheet;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRepository;
import cn.huiqi.identity.Caller;

/**
 * 12345转办: the lead bureau (any enterprise) or a locality (its own) imports the hotline's tickets from an xlsx. Every
 * cell is checked first; any bad cell refuses the whole file with its row and column (bilingual), nothing created.
 * A ticket already imported creates nothing new (the ticket number is unique): the answer lists it as already imported.
 */
@Component
class HotlineImport {

    static final List<String> HEADERS = List.of("工单编号", "受理时间", "企业统一社会信用代码", "诉求类别", "标题", "诉求内容");
    static final int MAX_ROWS = 500;
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String[] COLUMNS = {"A", "B", "C", "D", "E", "F"};

    record Result(int created, List<Created> cases, List<String> alreadyImported) {
    }

    record Created(String ticket, String caseNumber) {
    }

    private record Ticket(int row, String ticket, LocalDateTime receivedAt, Enterprise enterprise, DemandCategory category,
                          String title, String description) {
    }

    private final OfficialUnit officialUnit;
    private final EnterpriseRepository enterprises;
    private final DemandRepository demands;
    private final DemandIntake intake;

    HotlineImport(OfficialUnit officialUnit, EnterpriseRepository enterprises, DemandRepository demands, DemandIntake intake) {
        this.officialUnit = officialUnit;
        this.enterprises = enterprises;
        this.demands = demands;
        this.intake = intake;
    }

    static byte[] template() {
        return Spreadsheet.write("12345工单", HEADERS, List.of(List.of("20230915-000123", "2023-09-15 09:30",
                "91360100XXXXXXXXXX", "用工招工", "急需招聘焊工", "企业反映扩产后缺少熟练焊工二十名，请求协助招聘。")), List.of(
                new String[] {"工单编号", "12345热线的工单编号（唯一；同一工单重复导入不会重复建立诉求）"},
                new String[] {"受理时间", "YYYY-MM-DD 或 YYYY-MM-DD HH:mm"},
                new String[] {"企业统一社会信用代码", "18位，须为企业名录中的企业（属地单位只能导入本辖区企业）"},
                new String[] {"诉求类别", "用工招工、融资信贷、用地规划、水电气要素保障、物流运输、审批手续、政策咨询与兑现、技术创新、市场开拓、安全环保、其他（或其代码）"},
                new String[] {"标题", "至多100字"},
                new String[] {"诉求内容", "至多4000字"}));
    }

    @Transactional
    Result importFile(Caller caller, byte[] bytes) {
        String unit = officialUnit.of(caller);
        List<Ticket> tickets = read(bytes, unit);
        Set<String> known = demands.importedTickets(tickets.stream().map(Ticket::ticket).toList());
        List<Created> created = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Ticket t : tickets) {
            if (known.contains(t.ticket())) {
                already.add(t.ticket());
                continue;
            }
            String description = t.description() + "\n（12345受理时间 / received " + t.receivedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + "）";
            NewDemand demand = new NewDemand(t.enterprise(), DemandOrigin.HOTLINE, t.category(), null, null, t.title(),
                    description, null, t.ticket(), null, List.of());
            created.add(new Created(t.ticket(), intake.open(demand).getCaseNumber()));
        }
        return new Result(created.size(), created, already);
    }

    private List<Ticket> read(byte[] bytes, String unit) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "请上传不超过5MB的 xlsx 文件（使用导入模板）",
                    "Upload an xlsx file of at most 5 MB (use the template)");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            DataFormatter format = new DataFormatter();
            for (int c = 0; c < HEADERS.size(); c++) {
                String text = header == null || header.getCell(c) == null ? "" : format.formatCellValue(header.getCell(c)).strip();
                if (!HEADERS.get(c).equals(text)) {
                    throw new InvalidInputException("file", "第1行第" + COLUMNS[c] + "列应为表头“" + HEADERS.get(c) + "”（请使用导入模板）",
                            "Row 1, column " + COLUMNS[c] + " must be the header " + HEADERS.get(c) + " (use the template)");
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (blank(row, format)) {
                    continue;
                }
                if (tickets.size() + 1 > MAX_ROWS) {
                    throw new InvalidInputException("file", "一次至多导入" + MAX_ROWS + "个工单", "At most " + MAX_ROWS + " tickets per file");
                }
                Ticket ticket = ticket(row, r + 1, format, unit, seen, problems);
                if (ticket != null) {
                    tickets.add(ticket);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "文件不是可读取的 xlsx 工作簿（请使用导入模板）",
                    "The file is not a readable xlsx workbook (use the template)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (tickets.isEmpty()) {
            throw new InvalidInputException("file", "文件中没有工单", "The file holds no tickets");
        }
        return tickets;
    }

    private Ticket ticket(Row row, int rowNumber, DataFormatter format, String unit, Map<String, Integer> seen,
                          List<FieldProblem> problems) {
        FieldChecks checks = new FieldChecks();
        String[] text = new String[HEADERS.size()];
        for (int c = 0; c < text.length; c++) {
            Cell cell = row.getCell(c);
            text[c] = cell == null ? "" : format.formatCellValue(cell).strip();
        }
        String at = "第" + rowNumber + "行";
        String atEn = "Row " + rowNumber;
        List<FieldProblem> mine = new ArrayList<>();
        String ticket = text[0];
        if (!ticket.matches("[A-Za-z0-9_-]{1,64}")) {
            mine.add(cell(rowNumber, 0, "工单编号应为至多64位的字母、数字、-或_", "the ticket number must be at most 64 letters, digits, - or _"));
            ticket = null;
        } else if (seen.putIfAbsent(ticket, rowNumber) != null) {
            mine.add(cell(rowNumber, 0, "工单编号与第" + seen.get(ticket) + "行重复", "the ticket number repeats row " + seen.get(ticket)));
        }
        LocalDateTime receivedAt = receivedAt(row.getCell(1), text[1]);
        if (receivedAt == null) {
            mine.add(cell(rowNumber, 1, "受理时间应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm", "the received time must be YYYY-MM-DD or YYYY-MM-DD HH:mm"));
        }
        Enterprise enterprise = null;
        if (!text[2].matches("[0-9A-Z]{18}")) {
            mine.add(cell(rowNumber, 2, "统一社会信用代码应为18位数字或大写字母", "the unified social credit code must be 18 digits or capital letters"));
        } else {
            enterprise = enterprises.findByUscc(text[2]).filter(e -> OfficialUnit.covers(unit, e)).orElse(null);
            if (enterprise == null) {
                mine.add(cell(rowNumber, 2, "企业 " + text[2] + " 不在" + ("gxj".equals(unit) ? "企业名录" : "本辖区的企业名录") + "中",
                        "enterprise " + text[2] + " is not in " + ("gxj".equals(unit) ? "the register" : "your locality's register")));
            }
        }
        DemandCategory category = DemandFields.category(checks, "D", text[3]);
        String title = DemandFields.title(checks, "E", text[4]);
        String description = DemandFields.description(checks, "F", text[5]);
        for (FieldProblem p : checksProblems(checks)) {
            int c = 3 + "DEF".indexOf(p.field());
            mine.add(cell(rowNumber, c, p.zh(), p.en()));
        }
        problems.addAll(mine);
        return mine.isEmpty() ? new Ticket(rowNumber, ticket, receivedAt, enterprise, category, title, description) : null;
    }

    private static List<FieldProblem> checksProblems(FieldChecks checks) {
        try {
            checks.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.getProblems();
        }
    }

    private static FieldProblem cell(int row, int column, String zh, String en) {
        return new FieldProblem("file", "第" + row + "行第" + COLUMNS[column] + "列（" + HEADERS.get(column) + "）：" + zh,
                "Row " + row + ", column " + COLUMNS[column] + " (" + HEADERS.get(column) + "): " + en);
    }

    private static LocalDateTime receivedAt(Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue();
        }
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?")) {
                return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static boolean blank(Row row, DataFormatter format) {
        if (row == null) {
            return true;
        }
        for (int c = 0; c < HEADERS.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && !format.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
