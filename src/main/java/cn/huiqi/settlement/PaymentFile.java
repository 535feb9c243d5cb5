package cn.huiqi.settlement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.catalogue.PolicyDocuments;
import cn.huiqi.common.ChineseCapitals;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.Money;

/**
 * 付款文件: a settlement's payments in the form a finance bureau loads into its payment system (国库集中支付 /
 * 预算管理一体化系统; docs/fulfilment.md "付款文件与财政支付系统对接"): one line per claim awaiting payment (待支付, or
 * 支付失败 to be paid again) with payee, USCC, bank, account, amount in 元 to the fen and a 摘要 naming the policy clause,
 * the case and the batch; then a total line (count, sum, sum in 大写) and the SHA-256 of every line above it. Every export
 * is recorded (V53). Only before the money has all been paid: the settlement must be in disbursement, its notice over.
 */
@Component
public class PaymentFile {

    public static final List<String> HEADERS = List.of("序号", "收款人名称", "统一社会信用代码", "开户银行", "收款账号", "金额（元）",
            "摘要", "案件编号");

    public record Line(int seq, String payeeName, String payeeCode, String bankName, String bankAccount, BigDecimal amount,
                       String purpose, String caseNumber) {
    }

    /** The file's content: its lines, count, total (also in 大写) and the SHA-256 of the CSV's header and lines. */
    public record Content(long settlementId, String measure, List<Line> lines, int count, BigDecimal total, String totalInWords,
                          String sha256) {
    }

    private final SettlementViews views;
    private final MeasureCatalogue catalogue;
    private final PolicyDocuments policies;
    private final JdbcTemplate jdbc;

    PaymentFile(SettlementViews views, MeasureCatalogue catalogue, PolicyDocuments policies, JdbcTemplate jdbc) {
        this.views = views;
        this.catalogue = catalogue;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /** The content, recorded as exported by {@code actor} in {@code format} (json, csv). 409 before the notice is over, or a payee without an account. */
    @Transactional
    public Content export(Settlement s, String format, String actor) {
        Content content = content(s);
        jdbc.update("INSERT INTO payment_file_export (settlement_id, format, line_count, total, sha256, exported_by, exported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", s.getId(), format, content.count(), content.total(), content.sha256(), actor,
                Timestamp.from(Instant.now()));
        return content;
    }

    Content content(Settlement s) {
        if (s.getStatus() != Settlement.Status.DISBURSEMENT) {
            throw new ConflictException("id", "结算批次 " + s.getId() + " 不在待拨付状态（" + s.getStatus().label().zh() + "），没有可导出的付款文件",
                    "Settlement " + s.getId() + " is not in disbursement (" + s.getStatus().label().en() + "): there is no payment file");
        }
        String clause = clause(s.getMeasure());
        List<Line> lines = new ArrayList<>();
        List<String> noAccount = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (SettlementView.Line l : views.view(s, true).lines()) {
            boolean toPay = l.status().equals(SettlementLine.Status.PENDING_PAYMENT.name()) || l.status().equals(SettlementLine.Status.FAILED.name());
            if (!toPay) {
                continue;
            }
            if (l.bankAccount() == null || l.bankAccount().isBlank()) {
                noAccount.add(l.caseNumber());
            }
            BigDecimal amount = Money.fen(l.granted());
            total = total.add(amount);
            lines.add(new Line(lines.size() + 1, l.enterpriseName(), l.uscc(), l.bankName(), l.bankAccount(), amount,
                    clause + " " + l.caseNumber() + " 第" + s.getId() + "批", l.caseNumber()));
        }
        if (!noAccount.isEmpty()) {
            throw new ConflictException("id", "以下案件的收款人没有登记银行账号，请先补全企业信息：" + String.join("、", noAccount),
                    "The payees of these cases have no bank account on record: " + String.join(", ", noAccount));
        }
        if (lines.isEmpty()) {
            throw new ConflictException("id", "结算批次 " + s.getId() + " 没有待支付的款项", "Settlement " + s.getId() + " has nothing left to pay");
        }
        return new Content(s.getId(), s.getMeasure(), List.copyOf(lines), lines.size(), total, ChineseCapitals.of(total),
                sha256(body(lines)));
    }

    /**
     * The CSV: UTF-8 with a byte order mark (Excel and most import tools read it as UTF-8), CRLF; the header and lines,
     * then {@code 合计,<count>笔,…,<total>,<大写>} and {@code 校验,SHA-256,<hex>} over the bytes of the header and lines.
     */
    public static byte[] csv(Content content) {
        String body = body(content.lines());
        StringBuilder csv = new StringBuilder("\uFEFF").append(body);
        csv.append(row(List.of("合计", content.count() + "笔", "", "", "", content.total().toPlainString(), content.totalInWords(), "")));
        csv.append(row(List.of("校验", "SHA-256", content.sha256(), "", "", "", "", "")));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String body(List<Line> lines) {
        StringBuilder body = new StringBuilder(row(HEADERS));
        for (Line l : lines) {
            body.append(row(List.of(String.valueOf(l.seq()), l.payeeName(), nz(l.payeeCode()), nz(l.bankName()), nz(l.bankAccount()),
                    l.amount().toPlainString(), l.purpose(), l.caseNumber())));
        }
        return body.toString();
    }

    private static String row(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            // a leading = + - @ would be a formula in a spreadsheet: such text is prefixed with an apostrophe
            String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
            quoted.add(safe.matches("[^\",\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted) + "\r\n";
    }

    private String clause(String measureId) {
        Measure measure = catalogue.find(measureId).orElse(null);
        if (measure == null) {
            return "措施" + measureId;
        }
        String doc = policies.find(measure.policy()).map(p -> p.getDocNumber()).orElse(measure.policy());
        return doc + measure.clause() + " " + measure.name().zh();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
