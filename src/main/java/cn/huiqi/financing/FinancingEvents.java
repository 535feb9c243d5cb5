package cn.huiqi.financing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
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

/**
 * Matchmaking events (产融对接活动, docs/financing.md "Matchmaking events"). 市金融办 creates them and names its
 * co-organisers among 市工信局 and 市中小企业局; the organisers invite institutions, mark the event held or cancelled
 * and record outcomes. An enterprise registers its own open demands ({@link FinancingDemands#isOpen}); jrb registers the
 * open demands it put on the next event. Invited institutions see the event, the number of registered demands and
 * their own outcomes, never a demand's data (that passes only through the demands' consent filter, in institution.html).
 */
@Service
class FinancingEvents {

    static final String SMES_BUREAU = "zxqyj";
    static final Set<String> CO_ORGANISERS = Set.of(Groups.LEAD_BUREAU, SMES_BUREAU);
    /** Read every event with its registrations and outcomes. */
    private static final String[] OFFICIAL_READERS = { Groups.FINANCIAL_OFFICE, Groups.LEAD_BUREAU, SMES_BUREAU, Groups.AUDITOR };

    enum Status {
        PLANNED("筹备中", "Planned"), HELD("已举办", "Held"), CANCELLED("已取消", "Cancelled");

        final Label label;

        Status(String zh, String en) {
            this.label = Label.of(zh, en);
        }
    }

    record EventBody(Object title, Object heldOn, Object place, Object theme, Object coOrganisers, Object status) {
    }

    record InviteBody(Object institution) {
    }

    record RegistrationBody(Object caseId) {
    }

    record OutcomeBody(Object caseId, Object institution, Object intentionSigned, Object intendedAmount, Object note) {
    }

    record EventView(long id, String title, LocalDate heldOn, String place, String theme, List<String> coOrganisers, String status,
                     String statusZh, int invited, int registered, boolean mayOrganise) {
    }

    record InvitedView(String institution, String nameZh, boolean demo) {
    }

    /** A registered demand: officials and the demand's enterprise see who and how much; others only that it is there. */
    record RegistrationView(long caseId, String caseNumber, String enterpriseName, BigDecimal amount, String registeredBy) {
    }

    record OutcomeView(long caseId, String caseNumber, String institution, String institutionZh, boolean intentionSigned,
                       BigDecimal intendedAmount, String note, String recordedBy) {
    }

    /**
     * {@code registrations} null for an institution: it sees {@code registeredCount} and, in {@code sharedDemands}, the
     * registered demands the enterprise's consent shares with it, with the consented fields only (through the demands'
     * own filter, {@link InstitutionReads}, which logs each read); null for everyone else.
     */
    record EventDetail(EventView event, List<InvitedView> invited, int registeredCount, List<RegistrationView> registrations,
                       List<OutcomeView> outcomes, List<InstitutionReads.SharedDemand> sharedDemands) {
    }

    record DemandChoice(long caseId, String caseNumber, String enterpriseName, BigDecimal amount) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentCaller currentCaller;
    private final Institutions institutions;
    private final FinancingDemands demands;
    private final EnterpriseRegister enterprises;
    private final InstitutionReads institutionReads;
    private final Clock clock;

    FinancingEvents(JdbcTemplate jdbc, CurrentCaller currentCaller, Institutions institutions, FinancingDemands demands,
                    EnterpriseRegister enterprises, InstitutionReads institutionReads, Clock clock) {
        this.institutionReads = institutionReads;
        this.jdbc = jdbc;
        this.currentCaller = currentCaller;
        this.institutions = institutions;
        this.demands = demands;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    private record Row(long id, String title, LocalDate heldOn, String place, String theme, List<String> coOrganisers, Status status) {
    }

    /** Who the caller is for the events: official reader, enterprise, institution, or nobody (refused). */
    private record Reader(Caller caller, boolean official, boolean enterprise, Optional<Institution> institution) {
    }

    private Reader reader() {
        Caller caller = currentCaller.get();
        if (caller.isInAny(OFFICIAL_READERS)) {
            return new Reader(caller, true, false, Optional.empty());
        }
        if (caller.isIn(Groups.ENTERPRISE)) {
            return new Reader(caller, false, true, Optional.empty());
        }
        Optional<Institution> institution = institutions.of(caller);
        if (institution.isPresent()) {
            return new Reader(caller, false, false, institution);
        }
        throw new AccessDeniedException(caller.userId() + " may not read the matchmaking events");
    }

    @Transactional(readOnly = true)
    List<EventView> list() {
        Reader reader = reader();
        List<Row> rows = jdbc.query(SELECT + " ORDER BY held_on DESC, id DESC", this::row);
        return rows.stream().filter(r -> visible(reader, r)).map(r -> view(reader.caller(), r)).toList();
    }

    @Transactional // an institution's reads of the shared demands are logged
    EventDetail detail(long id) {
        Reader reader = reader();
        Row row = visibleRow(reader, id);
        List<InvitedView> invited = invited(id).stream()
                .filter(i -> reader.institution().isEmpty() || i.institution().equals(reader.institution().get().unitId())).toList();
        List<RegistrationView> registrations = jdbc.query("SELECT r.case_id, c.case_number, e.name, d.amount, r.registered_by, d.enterprise_id"
                        + " FROM financing_event_registration r JOIN financing_demand d ON d.case_id = r.case_id"
                        + " JOIN case_record c ON c.id = r.case_id JOIN enterprise e ON e.id = d.enterprise_id"
                        + " WHERE r.event_id = ? ORDER BY r.registered_at, r.case_id",
                (rs, i) -> Map.entry(rs.getLong(6), new RegistrationView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5))), id)
                .stream().filter(e -> reader.official() || reader.enterprise() && actsFor(reader.caller(), e.getKey()))
                .map(Map.Entry::getValue).toList();
        int count = count("SELECT COUNT(*) FROM financing_event_registration WHERE event_id = ?", id);
        Set<Long> ownCases = new LinkedHashSet<>();
        registrations.forEach(r -> ownCases.add(r.caseId()));
        List<OutcomeView> outcomes = jdbc.query("SELECT o.case_id, c.case_number, o.institution, u.name_zh, o.intention_signed,"
                        + " o.intended_amount, o.note, o.recorded_by FROM financing_event_outcome o JOIN case_record c ON c.id = o.case_id"
                        + " JOIN unit u ON u.id = o.institution WHERE o.event_id = ? ORDER BY o.id",
                (rs, i) -> new OutcomeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getString(8)), id)
                .stream().filter(o -> reader.official() || reader.enterprise() && ownCases.contains(o.caseId())
                        || reader.institution().map(inst -> inst.unitId().equals(o.institution())).orElse(false))
                .map(o -> reader.institution().isPresent() ? new OutcomeView(o.caseId(), null, o.institution(), o.institutionZh(),
                        o.intentionSigned(), o.intendedAmount(), o.note(), null) : o)
                .toList();
        List<InstitutionReads.SharedDemand> shared = null;
        if (reader.institution().isPresent()) {
            String institution = reader.institution().get().unitId();
            shared = new ArrayList<>();
            for (String caseNumber : jdbc.queryForList("SELECT c.case_number FROM financing_event_registration r JOIN case_record c"
                    + " ON c.id = r.case_id WHERE r.event_id = ? ORDER BY r.registered_at, r.case_id", String.class, id)) {
                try {
                    institutionReads.visibleDemand(institution, caseNumber);
                } catch (NotFoundException notShared) {
                    continue; // not shared with this institution (or revoked): it stays a number in the count
                }
                shared.add(institutionReads.read(reader.caller(), caseNumber));
            }
        }
        return new EventDetail(view(reader.caller(), row), invited, count, reader.institution().isPresent() ? null : registrations, outcomes,
                shared);
    }

    /** 市金融办 creates an event (PLANNED), naming its co-organisers among gxj and zxqyj. */
    @Transactional
    EventView create(EventBody request) {
        Caller caller = currentCaller.get();
        if (!caller.isIn(Groups.FINANCIAL_OFFICE)) {
            throw new AccessDeniedException(caller.userId() + " may not create matchmaking events (市金融办 only)");
        }
        EventBody r = request == null ? new EventBody(null, null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        String title = text(checks, "title", r.title(), "活动名称", "The title", 200, false);
        LocalDate heldOn = date(checks, r.heldOn(), false);
        String place = text(checks, "place", r.place(), "举办地点", "The place", 200, false);
        String theme = text(checks, "theme", r.theme(), "主题或产业链", "The theme or industry chain", 200, false);
        List<String> coOrganisers = coOrganisers(checks, r.coOrganisers());
        if (r.status() != null) {
            checks.add("status", "新活动总是筹备中；举办或取消请用修改", "A new event is always planned; mark it held or cancelled with a change");
        }
        checks.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO financing_event (title, held_on, place, theme, organiser, co_organisers, status,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)", new String[] { "id" });
            ps.setString(1, title);
            ps.setDate(2, Date.valueOf(heldOn));
            ps.setString(3, place);
            ps.setString(4, theme);
            ps.setString(5, Groups.FINANCIAL_OFFICE);
            ps.setString(6, String.join(",", coOrganisers));
            ps.setString(7, caller.userId());
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return view(caller, find(key.getKey().longValue()));
    }

    /** The organisers change an event; only 市金融办 changes who co-organises it. */
    @Transactional
    EventView update(long id, EventBody request) {
        Caller caller = currentCaller.get();
        EventBody r = request == null ? new EventBody(null, null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        if (r.title() == null && r.heldOn() == null && r.place() == null && r.theme() == null && r.coOrganisers() == null
                && r.status() == null) {
            checks.add("body", "请至少给出一项修改：title、heldOn、place、theme、coOrganisers 或 status",
                    "Give at least one change: title, heldOn, place, theme, coOrganisers or status");
        }
        String title = text(checks, "title", r.title(), "活动名称", "The title", 200, true);
        LocalDate heldOn = date(checks, r.heldOn(), true);
        String place = text(checks, "place", r.place(), "举办地点", "The place", 200, true);
        String theme = text(checks, "theme", r.theme(), "主题或产业链", "The theme or industry chain", 200, true);
        List<String> coOrganisers = r.coOrganisers() == null ? null : coOrganisers(checks, r.coOrganisers());
        Status status = null;
        if (r.status() != null) {
            if ("HELD".equals(r.status()) || "CANCELLED".equals(r.status())) {
                status = Status.valueOf((String) r.status());
            } else {
                checks.add("status", "状态只能改为 HELD（已举办）或 CANCELLED（已取消）", "The status can only become HELD or CANCELLED");
            }
        }
        checks.throwIfAny();
        Row row = organised(caller, id);
        if (coOrganisers != null && !caller.isIn(Groups.FINANCIAL_OFFICE)) {
            throw new AccessDeniedException(caller.userId() + " may not change the co-organisers (市金融办 only)");
        }
        if (row.status() != Status.PLANNED) {
            throw new ConflictException("status", "活动已" + row.status().label.zh() + "，不能再修改",
                    "The event is " + row.status().label.en().toLowerCase() + " and can no longer be changed");
        }
        LocalDate newHeldOn = heldOn == null ? row.heldOn() : heldOn;
        if (status == Status.HELD && newHeldOn.isAfter(today())) {
            throw new ConflictException("status", "活动定于 " + newHeldOn + " 举办，之前不能标记为已举办",
                    "The event is to be held on " + newHeldOn + " and cannot be marked held before");
        }
        jdbc.update("UPDATE financing_event SET title = ?, held_on = ?, place = ?, theme = ?, co_organisers = ?, status = ?,"
                        + " version = version + 1 WHERE id = ?",
                title == null ? row.title() : title, Date.valueOf(newHeldOn), place == null ? row.place() : place,
                theme == null ? row.theme() : theme, String.join(",", coOrganisers == null ? row.coOrganisers() : coOrganisers),
                (status == null ? row.status() : status).name(), id);
        return view(caller, find(id));
    }

    @Transactional
    EventDetail invite(long id, InviteBody request) {
        Caller caller = currentCaller.get();
        FieldChecks checks = new FieldChecks();
        Object raw = request == null ? null : request.institution();
        String unitId = raw instanceof String s && !s.isBlank() ? s.strip() : null;
        if (unitId == null) {
            checks.add("institution", "请给出要邀请的金融机构标识", "Give the id of the institution to invite");
        }
        checks.throwIfAny();
        Row row = organised(caller, id);
        if (row.status() != Status.PLANNED) {
            throw new ConflictException("status", "活动已" + row.status().label.zh() + "，不能再邀请机构",
                    "The event is " + row.status().label.en().toLowerCase() + ": no more invitations");
        }
        Institution institution = institutions.find(unitId).filter(Institution::active).orElseThrow(() -> new NotFoundException(
                "institution", "没有启用的金融机构 " + unitId, "There is no active financial institution " + unitId));
        try {
            jdbc.update("INSERT INTO financing_event_institution (event_id, institution, invited_by, invited_at) VALUES (?, ?, ?, ?)",
                    id, institution.unitId(), caller.userId(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("institution", institution.nameZh() + " 已受邀", institution.nameEn() + " is invited already");
        }
        return detail(id);
    }

    /** The open demands the caller may register: an enterprise's own, jrb's put-on-the-next-event ones. */
    @Transactional(readOnly = true)
    List<DemandChoice> registrable() {
        Caller caller = currentCaller.get();
        List<Long> ids;
        if (caller.isIn(Groups.ENTERPRISE)) {
            ids = enterprises.actedForBy(caller.userId()).stream().map(Enterprise::getId).flatMap(e -> demands.openDemandsOf(e).stream())
                    .toList();
        } else if (caller.isIn(Groups.FINANCIAL_OFFICE)) {
            ids = demands.forNextEvent();
        } else {
            throw new AccessDeniedException(caller.userId() + " registers no demands for matchmaking events");
        }
        List<DemandChoice> choices = new ArrayList<>();
        for (Long caseId : ids) {
            choices.addAll(jdbc.query("SELECT d.case_id, c.case_number, e.name, d.amount FROM financing_demand d JOIN case_record c"
                            + " ON c.id = d.case_id JOIN enterprise e ON e.id = d.enterprise_id WHERE d.case_id = ?",
                    (rs, i) -> new DemandChoice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)), caseId));
        }
        return choices;
    }

    @Transactional
    EventDetail register(long id, RegistrationBody request) {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(Groups.ENTERPRISE, Groups.FINANCIAL_OFFICE)) {
            throw new AccessDeniedException(caller.userId() + " may not register demands for matchmaking events");
        }
        Long caseId = caseId(request == null ? null : request.caseId());
        Row row = lock(id).orElseThrow(() -> notFound(id));
        if (row.status() != Status.PLANNED || row.heldOn().isBefore(today())) {
            throw new ConflictException("id", "活动已举办、已过期或已取消，不能再报名", "The event is held, past or cancelled: registration is closed");
        }
        boolean mayRegister = caller.isIn(Groups.ENTERPRISE)
                ? enterprises.actedForBy(caller.userId()).stream().anyMatch(e -> demands.openDemandsOf(e.getId()).contains(caseId))
                : demands.forNextEvent().contains(caseId);
        if (!mayRegister) {
            throw new NotFoundException("caseId", "没有您可为本活动报名的融资需求 " + caseId
                    + (caller.isIn(Groups.ENTERPRISE) ? "（只能报名本企业已发布、对接中或协调中的需求）" : "（只能报名列入下一场活动且仍开放的需求）"),
                    "There is no financing demand " + caseId + " you may register for this event"
                            + (caller.isIn(Groups.ENTERPRISE) ? " (only your own published, taken-up or coordinated demands)"
                                    : " (only open demands put on the next event)"));
        }
        try {
            jdbc.update("INSERT INTO financing_event_registration (event_id, case_id, registered_by, registered_at) VALUES (?, ?, ?, ?)",
                    id, caseId, caller.userId(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("caseId", "需求 " + caseId + " 已报名本活动", "Demand " + caseId + " is registered for this event already");
        }
        return detail(id);
    }

    /** After the event (HELD): one outcome per registered demand and invited institution. */
    @Transactional
    EventDetail recordOutcome(long id, OutcomeBody request) {
        Caller caller = currentCaller.get();
        OutcomeBody r = request == null ? new OutcomeBody(null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        Long caseId = null;
        try {
            caseId = caseId(r.caseId());
        } catch (cn.huiqi.common.InvalidInputException e) {
            e.getProblems().forEach(p -> checks.add(p.field(), p.zh(), p.en()));
        }
        String institution = r.institution() instanceof String s && !s.isBlank() ? s.strip() : null;
        if (institution == null) {
            checks.add("institution", "请给出金融机构标识", "Give the institution's id");
        }
        Boolean signed = r.intentionSigned() instanceof Boolean b ? b : null;
        if (signed == null) {
            checks.add("intentionSigned", "是否签约意向须为 true 或 false", "intentionSigned must be true or false");
        }
        BigDecimal amount = null;
        if (Boolean.FALSE.equals(signed) && r.intendedAmount() != null) {
            checks.add("intendedAmount", "未签约意向时不填意向金额", "No intended amount without a signed intention");
        } else if (Boolean.TRUE.equals(signed) || r.intendedAmount() != null) {
            amount = checks.money("intendedAmount", r.intendedAmount(), "意向金额（元）", "The intended amount (yuan)");
        }
        String note = text(checks, "note", r.note(), "备注", "The note", 500, true);
        checks.throwIfAny();
        Row row = organised(caller, id);
        if (row.status() != Status.HELD) {
            throw new ConflictException("status", "活动举办后（标记为已举办）才能登记成果", "Outcomes are recorded once the event is marked held");
        }
        if (count("SELECT COUNT(*) FROM financing_event_registration WHERE event_id = ? AND case_id = ?", id, caseId) == 0) {
            throw new NotFoundException("caseId", "需求 " + caseId + " 未报名本活动", "Demand " + caseId + " is not registered for this event");
        }
        if (count("SELECT COUNT(*) FROM financing_event_institution WHERE event_id = ? AND institution = ?", id, institution) == 0) {
            throw new NotFoundException("institution", "金融机构 " + institution + " 未受邀参加本活动",
                    "Institution " + institution + " was not invited to this event");
        }
        try {
            jdbc.update("INSERT INTO financing_event_outcome (event_id, case_id, institution, intention_signed, intended_amount, note,"
                            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, caseId, institution, signed, amount, note, caller.userId(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("institution", "需求 " + caseId + " 与 " + institution + " 的成果已登记",
                    "The outcome of demand " + caseId + " with " + institution + " is recorded already");
        }
        return detail(id);
    }

    private static final String SELECT = "SELECT id, title, held_on, place, theme, co_organisers, status FROM financing_event";

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String co = rs.getString(6);
        return new Row(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                co == null || co.isEmpty() ? List.of() : Arrays.asList(co.split(",")), Status.valueOf(rs.getString(7)));
    }

    private Row find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", this::row, id).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    private Optional<Row> lock(long id) {
        return jdbc.query(SELECT + " WHERE id = ? FOR UPDATE", this::row, id).stream().findFirst();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("id", "产融对接活动 " + id + " 不存在", "Matchmaking event " + id + " does not exist");
    }

    /** The event, if the caller organises it (jrb, or a named co-organiser); 404 for one the caller may not even see. */
    private Row organised(Caller caller, long id) {
        Row row = lock(id).orElseThrow(() -> notFound(id));
        if (!mayOrganise(caller, row)) {
            throw new AccessDeniedException(caller.userId() + " does not organise matchmaking event " + id);
        }
        return row;
    }

    private static boolean mayOrganise(Caller caller, Row row) {
        return caller.isIn(Groups.FINANCIAL_OFFICE) || row.coOrganisers().stream().anyMatch(caller::isIn);
    }

    private Row visibleRow(Reader reader, long id) {
        Row row = find(id);
        if (!visible(reader, row)) {
            throw notFound(id);
        }
        return row;
    }

    private boolean visible(Reader reader, Row row) {
        if (reader.official() || reader.enterprise()) {
            return true;
        }
        return reader.institution().map(i -> count("SELECT COUNT(*) FROM financing_event_institution WHERE event_id = ? AND institution = ?",
                row.id(), i.unitId()) > 0).orElse(false);
    }

    private EventView view(Caller caller, Row row) {
        return new EventView(row.id(), row.title(), row.heldOn(), row.place(), row.theme(), row.coOrganisers(), row.status().name(),
                row.status().label.zh(), count("SELECT COUNT(*) FROM financing_event_institution WHERE event_id = ?", row.id()),
                count("SELECT COUNT(*) FROM financing_event_registration WHERE event_id = ?", row.id()), mayOrganise(caller, row));
    }

    private List<InvitedView> invited(long id) {
        return jdbc.query("SELECT i.institution, u.name_zh, f.demo FROM financing_event_institution i JOIN unit u ON u.id = i.institution"
                        + " JOIN financial_institution f ON f.unit_id = i.institution WHERE i.event_id = ? ORDER BY i.invited_at, i.institution",
                (rs, n) -> new InvitedView(rs.getString(1), rs.getString(2), rs.getBoolean(3)), id);
    }

    private boolean actsFor(Caller caller, long enterpriseId) {
        return enterprises.actsFor(caller.userId(), enterpriseId);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Long caseId(Object raw) {
        if (raw instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw new cn.huiqi.common.InvalidInputException(List.of(new cn.huiqi.common.FieldProblem("caseId",
                "请给出融资需求的编号（正整数）", "Give the financing demand's id (a positive whole number)")));
    }

    private LocalDate date(FieldChecks checks, Object raw, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(String.valueOf(raw));
            if (raw instanceof String && date.isBefore(today())) {
                checks.add("heldOn", "举办日期不能早于今天", "The date cannot be before today");
                return null;
            }
            if (raw instanceof String) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // below
        }
        checks.add("heldOn", "举办日期须为 yyyy-MM-dd 格式的日期，例如 2026-12-18", "The date must be yyyy-MM-dd, e.g. 2026-12-18");
        return null;
    }

    private static List<String> coOrganisers(FieldChecks checks, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list && list.stream().allMatch(CO_ORGANISERS::contains)) {
            return list.stream().map(String::valueOf).distinct().sorted().toList();
        }
        checks.add("coOrganisers", "协办单位只能是 gxj（市工信局）和/或 zxqyj（市中小企业局）", "Co-organisers can only be gxj and/or zxqyj");
        return List.of();
    }

    private static String text(FieldChecks checks, String field, Object raw, String zh, String en, int max, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        if (raw != null && !(raw instanceof String)) {
            checks.add(field, zh + "须为文字", en + " must be text");
            return null;
        }
        return checks.requiredText(field, raw, zh, en, max);
    }
}
