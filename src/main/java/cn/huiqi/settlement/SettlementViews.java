package cn.huiqi.settlement;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.huiqi.calendar.WorkingDays;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.claim.Payee;
import cn.huiqi.claim.ProvisionalRates;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.ChineseCapitals;
import cn.huiqi.common.Label;
import cn.huiqi.common.Money;
import cn.huiqi.common.Spreadsheet;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/** Views of settlements, the public notice list (公示名单) and the payment list as xlsx. */
@Component
public class SettlementViews {

    /** Where the lead bureau records an objection it received (review.ObjectionController). */
    static final String OBJECTION_PATH = "/api/cases/{caseNumber}/objections";
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final SettlementLineRepository lines;
    private final CaseRecordRepository cases;
    private final RewardClaims claims;
    private final PublicNotice publicNotice;
    private final WorkingDays workingDays;
    private final UnitRepository units;
    private final MeasureCatalogue catalogue;
    private final ProvisionalRates provisionalRates;

    public SettlementViews(SettlementLineRepository lines, CaseRecordRepository cases, RewardClaims claims, PublicNotice publicNotice,
                           WorkingDays workingDays, UnitRepository units, MeasureCatalogue catalogue, ProvisionalRates provisionalRates) {
        this.provisionalRates = provisionalRates;
        this.units = units;
        this.catalogue = catalogue;
        this.publicNotice = publicNotice;
        this.workingDays = workingDays;
        this.lines = lines;
        this.cases = cases;
        this.claims = claims;
    }

    public SettlementView view(Settlement s, boolean withLines) {
        List<SettlementView.Line> rows = withLines ? lines.findBySettlementIdOrderById(s.getId()).stream().map(this::line).toList() : null;
        return new SettlementView(s.getId(), s.getMeasure(), s.getRule().name(), s.getRule().label().zh(), s.getRule().label().en(),
                s.getAvailable(), s.getAsked(), s.getGranted(), s.getRemainder(), s.isScaled(), s.getStatus().name(),
                s.getStatus().label().zh(), s.getStatus().label().en(), s.getStartedBy(), s.getSettledAt(), s.getNoticeEndedAt(),
                s.getClosedAt(), notice(s), rows);
    }

    private SettlementView.Notice notice(Settlement s) {
        if (s.getNoticeLastDay() == null) {
            return null;
        }
        Label contact = publicNotice.objectionContact();
        return new SettlementView.Notice(s.getNoticeFirstDay(), s.getNoticeLastDay(),
                workingDays.workingDaysBetween(s.getNoticeFirstDay(), s.getNoticeLastDay()) + 1, // the first day is a working day
                workingDays.endOf(s.getNoticeLastDay()), contact.zh(), contact.en(), OBJECTION_PATH);
    }

    /**
     * 公示名单, ready to publish: a title, the notice period and where to object above the table; every claim of the
     * settlement with its payee, locality (by name), decided and settled amount (also in 大写).
     */
    public byte[] noticeList(Settlement s) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (SettlementView.Line l : view(s, true).lines()) {
            rows.add(List.of(n++, l.caseNumber(), l.enterpriseName(), l.uscc(), unitName(l.localityUnit()), l.asked(), l.granted(),
                    ChineseCapitals.of(l.granted()), l.statusZh(), remark(l)));
        }
        List<String> titles = new ArrayList<>();
        titles.add("洪府办发〔2023〕81号 " + measureName(s.getMeasure()) + " 奖励公示名单（第" + s.getId() + "批）");
        SettlementView.Notice notice = notice(s);
        if (notice != null) {
            titles.add(noticePeriod(notice));
            titles.add(objection(notice));
        } else {
            titles.add("公示期：尚未开始（核定完成后公示" + publicNotice.workingDays() + "个工作日；公示期长度为系统默认值，待政策部门确认）");
        }
        return Spreadsheet.write("公示名单 第" + s.getId() + "批", titles, List.of("序号", "案件编号", "企业名称", "统一社会信用代码", "属地",
                "认定奖励（元）", "核定拨付（元）", "核定拨付（大写）", "状态", "备注"), rows, notes(s));
    }

    private static String remark(SettlementView.Line l) {
        return l.provisional() ? l.provisionalZh() : "";
    }

    private String measureName(String measure) {
        return catalogue.find(measure).map(m -> measure + " " + m.name().zh()).orElse("措施 " + measure);
    }

    private String unitName(String unitId) {
        return unitId == null ? "" : units.findById(unitId).map(Unit::getNameZh).orElse(unitId);
    }

    private static String noticePeriod(SettlementView.Notice notice) {
        return "公示期：" + ZH.format(notice.firstDay()) + "至" + ZH.format(notice.lastDay()) + "（" + notice.workingDays()
                + "个工作日，" + ZH.format(notice.lastDay()) + "24时届满；公示期长度为系统默认值，待政策部门确认）";
    }

    private static String objection(SettlementView.Notice notice) {
        return "异议受理：公示期内如有异议，请向" + notice.objectionContactZh() + "提出（由市工信局登记）";
    }

    /** 支付清单: the cases to pay (and paid) with their bank accounts. */
    public byte[] paymentList(Settlement s) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (SettlementView.Line l : view(s, true).lines()) {
            if (l.status().equals(SettlementLine.Status.PENDING_PAYMENT.name()) || l.status().equals(SettlementLine.Status.FAILED.name())
                    || l.status().equals(SettlementLine.Status.PAID.name())) {
                rows.add(java.util.Arrays.asList(n++, l.enterpriseName(), l.uscc(), l.bankName(), l.bankAccount(), l.granted(),
                        ChineseCapitals.of(l.granted()), l.caseNumber(), l.statusZh(), l.paymentReference(), l.paymentDate(), l.failureReason(),
                        remark(l)));
            }
        }
        return Spreadsheet.write("支付清单 第" + s.getId() + "批", List.of("序号", "企业名称", "统一社会信用代码", "开户银行", "银行账号",
                "拨付金额（元）", "拨付金额（大写）", "案件编号", "状态", "支付凭证号", "支付日期", "失败原因", "备注"), rows, notes(s));
    }

    private List<String[]> notes(Settlement s) {
        List<String[]> notes = new ArrayList<>(List.of(new String[]{"措施", s.getMeasure()}, new String[]{"结算批次", String.valueOf(s.getId())},
                new String[]{"规则", s.getRule().label().both()},
                new String[]{"可用资金（元）", Money.grouped(s.getAvailable())}, new String[]{"认定合计（元）", Money.grouped(s.getAsked())},
                new String[]{"核定合计（元）", Money.grouped(s.getGranted()) + "（" + ChineseCapitals.of(s.getGranted()) + "）"},
                new String[]{"余额（元）", Money.grouped(s.getRemainder())},
                new String[]{"依据", "洪府办发〔2023〕81号：统筹1亿元；措施1总奖励金额不超过500万元"}));
        SettlementView.Notice notice = notice(s);
        if (notice != null) {
            notes.add(new String[]{"公示期", noticePeriod(notice).substring("公示期：".length())});
            notes.add(new String[]{"异议受理", objection(notice).substring("异议受理：".length())});
        }
        return notes;
    }

    private SettlementView.Line line(SettlementLine l) {
        CaseRecord c = cases.findById(l.getCaseId()).orElseThrow();
        RewardClaim claim = claims.get(l.getCaseId());
        Payee payee = claims.payeeOf(claim);
        boolean provisional = provisionalRates.isProvisional(claim);
        return new SettlementView.Line(c.getCaseNumber(), payee.name(), payee.code(), c.getLocalityUnitId(), payee.bankName(),
                payee.bankAccount(), l.getAsked(), l.getGranted(), l.getStatus().name(), l.getStatus().label().zh(), l.getStatus().label().en(),
                l.getPaymentReference(), l.getPaymentDate(), l.getFailureReason(), provisional,
                provisional ? ProvisionalRates.LABEL.zh() : null, provisional ? ProvisionalRates.LABEL.en() : null);
    }
}
