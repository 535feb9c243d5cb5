package cn.huiqi.financing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Label;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The guide funds of 第8条 (catalogue, V49) and enterprises' equity-financing requests, screened by 市产投集团:
 * SUBMITTED → REFERRED (to a fund's manager) → DUE_DILIGENCE → INVESTED (amount) | DECLINED (reason). Each step is a
 * line of equity_request_log. The enterprise reads its own; ctjt and jrb all; a locality its own enterprises'.
 */
@Service
class GuideFunds {

    static final String INVESTMENT_GROUP = "ctjt";
    static final String LABELLED = "系统默认值，待确认";

    enum Status {
        SUBMITTED("待筛选", "Submitted"), REFERRED("已推荐至基金管理人", "Referred to the fund's manager"),
        DUE_DILIGENCE("尽职调查中", "Due diligence"), INVESTED("已投资", "Invested"), DECLINED("未获投资", "Declined");

        final Label label;

        Status(String zh, String en) {
            this.label = Label.of(zh, en);
        }
    }

    /** What ctjt may move a request to from each status. */
    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.SUBMITTED, Set.of(Status.REFERRED, Status.DECLINED),
            Status.REFERRED, Set.of(Status.DUE_DILIGENCE, Status.DECLINED),
            Status.DUE_DILIGENCE, Set.of(Status.INVESTED, Status.DECLINED),
            Status.INVESTED, Set.of(),
            Status.DECLINED, Set.of());

    record Fund(String id, String nameZh, String nameEn, String managerZh, boolean managerLabelled, String focusZh,
                boolean focusLabelled, String labelText) {
    }

    record RequestBody(Object enterpriseId, Object fundId, Object amount, Object purpose) {
    }

    record StepBody(Object status, Object fundId, Object investedAmount, Object reason) {
    }

    record LogView(String fromStatus, String toStatus, String toStatusZh, String detail, String actedBy, Instant actedAt) {
    }

    record RequestView(long id, long enterpriseId, String enterpriseName, String locality, String fundId, BigDecimal amount,
                       String purpose, String status, String statusZh, String referredFund, BigDecimal investedAmount,
                       String declinedReason, Instant submittedAt, List<String> nextSteps, List<LogView> log) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentCaller currentCaller;
    private final EnterpriseRegister enterprises;
    private final UnitRepository units;
    private final Clock clock;

    GuideFunds(JdbcTemplate jdbc, CurrentCaller currentCaller, EnterpriseRegister enterprises, UnitRepository units, Clock clock) {
        this.jdbc = jdbc;
        this.currentCaller = currentCaller;
        this.enterprises = enterprises;
        this.units = units;
        this.clock = clock;
    }

    /** The catalogue: any signed-in user. */
    @Transactional(readOnly = true)
    List<Fund> catalogue() {
        currentCaller.get();
        return funds();
    }

    private List<Fund> funds() {
        return jdbc.query("SELECT id, name_zh, name_en, manager_zh, manager_labelled, focus_zh, focus_labelled FROM guide_fund ORDER BY sort_order",
                (rs, i) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                        rs.getBoolean(7), LABELLED));
    }

    @Transactional
    RequestView submit(RequestBody request) {
        Caller caller = currentCaller.get();
        if (!caller.isIn(Groups.ENTERPRISE)) {
            throw new AccessDeniedException(caller.userId() + " may not submit equity-financing requests (enterprises only)");
        }
        RequestBody r = request == null ? new RequestBody(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        List<Enterprise> own = enterprises.actedForBy(caller.userId());
        Enterprise enterprise = null;
        if (r.enterpriseId() == null) {
            if (own.size() == 1) {
                enterprise = own.get(0);
            } else {
                checks.add("enterpriseId", "您为多家企业办理（或未绑定企业）：请给出企业编号", "You act for several enterprises (or none): give the enterprise id");
            }
        } else if (r.enterpriseId() instanceof Number n) {
            enterprise = own.stream().filter(e -> e.getId() == n.longValue()).findFirst().orElse(null);
            if (enterprise == null) {
                checks.add("enterpriseId", "您不能为企业 " + n + " 办理", "You do not act for enterprise " + n);
            }
        } else {
            checks.add("enterpriseId", "企业编号须为数字", "The enterprise id must be a number");
        }
        String fundId = null;
        if (r.fundId() != null) {
            fundId = fund(checks, "fundId", r.fundId());
        }
        BigDecimal amount = checks.money("amount", r.amount(), "拟融资金额（元）", "The amount sought (yuan)");
        String purpose = text(checks, "purpose", r.purpose(), "融资用途及企业简况", "The purpose and a short profile", 1000);
        checks.throwIfAny();
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Enterprise e = enterprise;
        String fund = fundId;
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO equity_request (enterprise_id, locality, fund_id, amount, purpose, status, submitted_by,"
                    + " submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)", new String[] { "id" });
            ps.setLong(1, e.getId());
            ps.setString(2, e.getLocalityUnitId());
            ps.setString(3, fund);
            ps.setBigDecimal(4, amount);
            ps.setString(5, purpose);
            ps.setString(6, caller.userId());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setTimestamp(8, Timestamp.from(now));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        log(id, null, Status.SUBMITTED, "拟融资 " + amount.toPlainString() + " 元" + (fund == null ? "" : "，意向基金 " + fund), caller.userId(), now);
        return view(caller, id);
    }

    @Transactional(readOnly = true)
    List<RequestView> list() {
        Caller caller = currentCaller.get();
        List<Long> ids;
        if (caller.isInAny(INVESTMENT_GROUP, Groups.FINANCIAL_OFFICE)) {
            ids = jdbc.queryForList("SELECT id FROM equity_request ORDER BY id DESC", Long.class);
        } else if (caller.isIn(Groups.ENTERPRISE)) {
            List<Long> own = enterprises.actedForBy(caller.userId()).stream().map(Enterprise::getId).toList();
            ids = own.isEmpty() ? List.of() : jdbc.queryForList("SELECT id FROM equity_request WHERE enterprise_id IN ("
                    + own.stream().map(x -> "?").collect(Collectors.joining(",")) + ") ORDER BY id DESC", Long.class, own.toArray());
        } else {
            List<String> localities = localitiesOf(caller);
            if (localities.isEmpty()) {
                throw new AccessDeniedException(caller.userId() + " may not read equity-financing requests");
            }
            ids = jdbc.queryForList("SELECT id FROM equity_request WHERE locality IN ("
                    + localities.stream().map(x -> "?").collect(Collectors.joining(",")) + ") ORDER BY id DESC", Long.class, localities.toArray());
        }
        return ids.stream().map(id -> view(caller, id)).toList();
    }

    @Transactional(readOnly = true)
    RequestView one(long id) {
        Caller caller = currentCaller.get();
        RequestView view = view(caller, id);
        if (!mayRead(caller, view)) {
            throw notFound(id);
        }
        return view;
    }

    /** ctjt moves a request one step on; every step is logged. */
    @Transactional
    RequestView step(long id, StepBody request) {
        Caller caller = currentCaller.get();
        if (!caller.isIn(INVESTMENT_GROUP)) {
            throw new AccessDeniedException(caller.userId() + " may not screen equity-financing requests (市产投集团 only)");
        }
        StepBody r = request == null ? new StepBody(null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        Status to = null;
        if (r.status() instanceof String s && Set.of("REFERRED", "DUE_DILIGENCE", "INVESTED", "DECLINED").contains(s)) {
            to = Status.valueOf(s);
        } else {
            checks.add("status", "下一步须为 REFERRED（推荐至基金管理人）、DUE_DILIGENCE（尽职调查）、INVESTED（已投资）或 DECLINED（未获投资）",
                    "The step must be REFERRED, DUE_DILIGENCE, INVESTED or DECLINED");
        }
        String fund = null;
        BigDecimal invested = null;
        String reason = null;
        if (to == Status.REFERRED) {
            fund = fund(checks, "fundId", r.fundId());
        } else if (r.fundId() != null) {
            checks.add("fundId", "只有推荐至基金管理人时才填基金", "A fund is given only when referring");
        }
        if (to == Status.INVESTED) {
            invested = checks.money("investedAmount", r.investedAmount(), "投资金额（元）", "The invested amount (yuan)");
        } else if (r.investedAmount() != null) {
            checks.add("investedAmount", "只有已投资时才填投资金额", "An amount is given only when invested");
        }
        if (to == Status.DECLINED) {
            reason = text(checks, "reason", r.reason(), "未获投资的原因", "The reason for declining", 1000);
        } else if (r.reason() != null) {
            checks.add("reason", "只有未获投资时才填原因", "A reason is given only when declined");
        }
        checks.throwIfAny();
        List<String> current = jdbc.queryForList("SELECT status FROM equity_request WHERE id = ? FOR UPDATE", String.class, id);
        if (current.isEmpty()) {
            throw notFound(id);
        }
        Status from = Status.valueOf(current.get(0));
        if (!NEXT.get(from).contains(to)) {
            throw new ConflictException("status", "申请现为「" + from.label.zh() + "」，不能改为「" + to.label.zh() + "」",
                    "The request is " + from.label.en().toLowerCase() + " and cannot become " + to.label.en().toLowerCase());
        }
        Instant now = clock.instant();
        jdbc.update("UPDATE equity_request SET status = ?, referred_fund = COALESCE(?, referred_fund), invested_amount = ?, declined_reason = ?,"
                + " updated_at = ?, version = version + 1 WHERE id = ?", to.name(), fund, invested, reason, Timestamp.from(now), id);
        String detail = switch (to) {
            case REFERRED -> "推荐至基金 " + fund;
            case INVESTED -> "投资 " + invested.toPlainString() + " 元";
            case DECLINED -> "原因：" + reason;
            default -> null;
        };
        log(id, from, to, detail, caller.userId(), now);
        return view(caller, id);
    }

    private boolean mayRead(Caller caller, RequestView view) {
        if (caller.isInAny(INVESTMENT_GROUP, Groups.FINANCIAL_OFFICE)) {
            return true;
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            return enterprises.actsFor(caller.userId(), view.enterpriseId());
        }
        return localitiesOf(caller).contains(view.locality());
    }

    private List<String> localitiesOf(Caller caller) {
        return units.findAllById(caller.groupIds()).stream().filter(Unit::isLocality).map(Unit::getId).toList();
    }

    private RequestView view(Caller caller, long id) {
        List<RequestView> rows = jdbc.query("SELECT r.id, r.enterprise_id, e.name, r.locality, r.fund_id, r.amount, r.purpose, r.status,"
                        + " r.referred_fund, r.invested_amount, r.declined_reason, r.submitted_at FROM equity_request r"
                        + " JOIN enterprise e ON e.id = r.enterprise_id WHERE r.id = ?",
                (rs, i) -> {
                    Status status = Status.valueOf(rs.getString(8));
                    return new RequestView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBigDecimal(6), rs.getString(7), status.name(), status.label.zh(), rs.getString(9), rs.getBigDecimal(10),
                            rs.getString(11), rs.getTimestamp(12).toInstant(),
                            caller.isIn(INVESTMENT_GROUP) ? NEXT.get(status).stream().map(Enum::name).sorted().toList() : List.of(),
                            logOf(rs.getLong(1)));
                }, id);
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return rows.get(0);
    }

    private List<LogView> logOf(long id) {
        return jdbc.query("SELECT from_status, to_status, detail, acted_by, acted_at FROM equity_request_log WHERE request_id = ? ORDER BY id",
                (rs, i) -> new LogView(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(2)).label.zh(), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), id);
    }

    private void log(long id, Status from, Status to, String detail, String actor, Instant at) {
        jdbc.update("INSERT INTO equity_request_log (request_id, from_status, to_status, detail, acted_by, acted_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, from == null ? null : from.name(), to.name(), detail, actor, Timestamp.from(at));
    }

    private String fund(FieldChecks checks, String field, Object raw) {
        List<String> ids = funds().stream().map(Fund::id).toList();
        if (raw instanceof String s && ids.contains(s)) {
            return s;
        }
        checks.add(field, "基金须为名录中的一只：" + String.join("、", ids), "The fund must be one of the catalogue: " + String.join(", ", ids));
        return null;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("id", "股权融资申请 " + id + " 不存在", "Equity-financing request " + id + " does not exist");
    }

    private static String text(FieldChecks checks, String field, Object raw, String zh, String en, int max) {
        if (raw != null && !(raw instanceof String)) {
            checks.add(field, zh + "须为文字", en + " must be text");
            return null;
        }
        return checks.requiredText(field, raw, zh, en, max);
    }
}
