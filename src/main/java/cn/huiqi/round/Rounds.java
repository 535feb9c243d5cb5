package cn.huiqi.round;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;

/**
 * Application rounds (docs/rounds.md): list, open, extend (with a reason), close; the rule versions each
 * round pins; and what the rules page needs when a new version is published. Access (default deny): policy
 * staff ({@code policy-admin}) and the lead bureau ({@code gxj}) manage rounds; operators and auditors read.
 */
@Service
public class Rounds {

    /** The open round of a measure whose cases a decision table decides, with the version it pins (null: none yet). */
    public record OpenRound(long id, String measure, String name, Integer pinnedVersion) {
    }

    private final RoundRepository rounds;
    private final RoundPins pins;
    private final RoundEvents events;
    private final RoundCalendar calendar;
    private final MeasureCatalogue catalogue;
    private final PolicyValidity validity;
    private final CurrentCaller currentCaller;
    private final RepositoryService repositoryService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Rounds(RoundRepository rounds, RoundPins pins, RoundEvents events, RoundCalendar calendar, MeasureCatalogue catalogue,
           CurrentCaller currentCaller, RepositoryService repositoryService, JdbcTemplate jdbc, Clock clock, PolicyValidity validity) {
        this.validity = validity;
        this.rounds = rounds;
        this.pins = pins;
        this.events = events;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.currentCaller = currentCaller;
        this.repositoryService = repositoryService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- the page's API -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RoundApi.Listing list() {
        Caller caller = reader();
        LocalDate today = calendar.today();
        List<RoundApi.MeasureRounds> measures = new ArrayList<>();
        for (Measure measure : catalogue.all()) {
            if (measure.continuous()) {
                continue;
            }
            measures.add(new RoundApi.MeasureRounds(measure.id(), measure.clause(), measure.name().zh(), measure.name().en(),
                    validity.validTo(measure.policy()).orElse(null),
                    rounds.findByMeasureOrderByOpensOnAscIdAsc(measure.id()).stream().map(r -> view(r, today)).toList()));
        }
        return new RoundApi.Listing(caller.userId(), canManage(caller), today, measures);
    }

    /**
     * The rounds taking applications today, one per measure at most: what an applicant needs (name, performance
     * window, application period), readable by any signed-in user — the periods are published anyway.
     */
    @Transactional(readOnly = true)
    public List<RoundApi.OpenRoundView> openToday() {
        LocalDate today = calendar.today();
        List<RoundApi.OpenRoundView> open = new ArrayList<>();
        for (Measure measure : catalogue.all()) {
            if (!measure.continuous()) {
                openRound(measure.id(), today).ifPresent(r -> open.add(new RoundApi.OpenRoundView(r.getMeasure(), r.getName(),
                        r.getPerformanceFrom(), r.getPerformanceTo(), r.getOpensOn(), r.getClosesOn())));
            }
        }
        return open;
    }

    @Transactional
    public RoundApi.RoundView open(RoundApi.OpenRequest request) {
        Caller caller = manager();
        RoundApi.OpenRequest r = request == null ? new RoundApi.OpenRequest(null, null, null, null, null, null, null) : request;
        FieldChecks checks = new FieldChecks();
        String measureId = checks.requiredText("measure", r.measure(), "措施", "Measure", 8);
        String name = checks.requiredText("name", r.name(), "批次名称", "Round name", 100);
        LocalDate performanceFrom = RoundCalendar.date(checks, "performanceFrom", r.performanceFrom(), "业绩期起始日", "Performance window start");
        LocalDate performanceTo = RoundCalendar.date(checks, "performanceTo", r.performanceTo(), "业绩期截止日", "Performance window end");
        LocalDate opensOn = RoundCalendar.date(checks, "opensOn", r.opensOn(), "申报开始日", "Application period start");
        LocalDate closesOn = RoundCalendar.date(checks, "closesOn", r.closesOn(), "申报截止日", "Application period end");
        String note = r.note() == null || r.note().isBlank() ? null : checks.requiredText("note", r.note(), "备注", "Note", 500);
        Measure measure = null;
        if (measureId != null) {
            measure = catalogue.find(measureId).orElse(null);
            if (measure == null) {
                checks.add("measure", "没有措施 " + measureId, "There is no measure " + measureId);
            } else if (measure.continuous()) {
                checks.add("measure", "措施" + number(measure) + " 常态化受理申请，不设申报批次",
                        "Measure " + measure.id() + " takes applications at any time; it has no application rounds");
            }
        }
        if (performanceFrom != null && performanceTo != null && performanceTo.isBefore(performanceFrom)) {
            checks.add("performanceTo", "业绩期截止日不能早于起始日", "The performance window cannot end before it starts");
        }
        if (measure != null && performanceTo != null) {
            Optional<LocalDate> validTo = validity.validTo(measure.policy());
            if (validTo.isPresent() && performanceTo.isAfter(validTo.get())) {
                checks.add("performanceTo", "业绩期不能超出政策有效期（至 " + RoundCalendar.zh(validTo.get()) + "）",
                        "The performance window cannot extend beyond the policy's validity (until " + validTo.get() + ")");
            }
        }
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            checks.add("closesOn", "申报截止日不能早于开始日", "The application period cannot close before it opens");
        }
        if (closesOn != null && closesOn.isBefore(calendar.today())) {
            checks.add("closesOn", "申报截止日已过，不能开设已结束的批次", "The application period has already ended; a round cannot be opened in the past");
        }
        checks.throwIfAny();
        List<ApplicationRound> existing = rounds.lockByMeasure(measure.id());
        for (ApplicationRound other : existing) {
            if (other.getName().equals(name)) {
                throw new ConflictException("name", "措施" + number(measure) + " 已有批次「" + name + "」",
                        "Measure " + measure.id() + " already has a round named '" + name + "'");
            }
        }
        refuseOverlap(measure, existing, null, opensOn, closesOn);
        Instant now = clock.instant();
        ApplicationRound round = rounds.insert(new ApplicationRound(measure.id(), name, performanceFrom, performanceTo, opensOn,
                closesOn, note, caller.userId(), now));
        events.record(round.getId(), RoundEvents.Kind.OPENED, "开设批次「" + name + "」：业绩期 " + performanceFrom + " 至 " + performanceTo
                + "，申报期 " + opensOn + " 至 " + closesOn + " / Round opened", null, caller.userId(), now);
        pinLatest(round, measure, caller.userId(), now);
        return view(round, calendar.today());
    }

    @Transactional
    public RoundApi.RoundView extend(long id, RoundApi.ExtensionRequest request) {
        Caller caller = manager();
        FieldChecks checks = new FieldChecks();
        LocalDate closesOn = RoundCalendar.date(checks, "closesOn", request == null ? null : request.closesOn(), "新的申报截止日",
                "New end of the application period");
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "延期理由", "Reason for the extension", 1000);
        checks.throwIfAny();
        ApplicationRound round = find(id);
        List<ApplicationRound> existing = rounds.lockByMeasure(round.getMeasure());
        round = existing.stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
        if (round.getClosedEarlyAt() != null) {
            throw new ConflictException("id", "批次「" + round.getName() + "」已提前截止，不能延期；请开设新批次",
                    "Round '" + round.getName() + "' was closed early; it cannot be extended: open a new round");
        }
        if (!closesOn.isAfter(round.getClosesOn())) {
            throw new InvalidInputException("closesOn", "新的截止日须晚于现截止日 " + RoundCalendar.zh(round.getClosesOn()),
                    "The new end must be after the current end, " + round.getClosesOn());
        }
        if (closesOn.isBefore(calendar.today())) {
            throw new InvalidInputException("closesOn", "新的截止日已过", "The new end is in the past");
        }
        refuseOverlap(catalogue.require(round.getMeasure()), existing, round.getId(), round.getOpensOn(), closesOn);
        LocalDate was = round.getClosesOn();
        Instant now = clock.instant();
        round.extendTo(closesOn, caller.userId(), now);
        rounds.update(round);
        events.record(round.getId(), RoundEvents.Kind.EXTENDED, "申报截止日 " + was + " → " + closesOn + " / Application period extended",
                reason, caller.userId(), now);
        return view(round, calendar.today());
    }

    @Transactional
    public RoundApi.RoundView close(long id, RoundApi.ClosureRequest request) {
        Caller caller = manager();
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "截止理由", "Reason for closing", 1000);
        checks.throwIfAny();
        ApplicationRound round = find(id);
        round = rounds.lockByMeasure(round.getMeasure()).stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
        if (round.statusOn(calendar.today()) == RoundStatus.CLOSED) {
            throw new ConflictException("id", "批次「" + round.getName() + "」已截止", "Round '" + round.getName() + "' is already closed");
        }
        Instant now = clock.instant();
        round.closeEarly(caller.userId(), now);
        rounds.update(round);
        events.record(round.getId(), RoundEvents.Kind.CLOSED, "提前截止申报（原定截止日 " + round.getClosesOn() + "）/ Closed early",
                reason, caller.userId(), now);
        return view(round, calendar.today());
    }

    // ---- for the submission gate and the rule tasks ------------------------------------------------------

    /** The round that takes applications of the measure today, if any; with the rounds around it for the message. */
    Optional<ApplicationRound> openRound(String measure, LocalDate today) {
        return rounds.findByMeasureOrderByOpensOnAscIdAsc(measure).stream()
                .filter(r -> r.statusOn(today) == RoundStatus.OPEN).findFirst();
    }

    List<ApplicationRound> roundsOf(String measure) {
        return rounds.findByMeasureOrderByOpensOnAscIdAsc(measure);
    }

    /** Pins the latest version of each of the measure's tables the round has no pin for yet (e.g. rounds made by a migration). */
    @Transactional
    public void pinMissing(String actor) {
        Instant now = clock.instant();
        for (ApplicationRound round : rounds.findAllByOrderByMeasureAscOpensOnAscIdAsc()) {
            catalogue.find(round.getMeasure()).ifPresent(measure -> pinLatest(round, measure, actor, now));
        }
    }

    // ---- for the rules page: publishing while a round is open ---------------------------------------

    /** The round open today of the measure this reward table decides, if any. */
    @Transactional(readOnly = true)
    public Optional<OpenRound> openRoundDecidedBy(String decisionKey) {
        return catalogue.byRuleTable(decisionKey).filter(m -> !m.continuous())
                .flatMap(m -> openRound(m.id(), calendar.today()))
                .map(r -> new OpenRound(r.getId(), r.getMeasure(), r.getName(),
                        pins.version(r.getId(), decisionKey).stream().boxed().findFirst().orElse(null)));
    }

    /** The open round's cases now decide by this version (publication "for this round too"); audited on the round. */
    @Transactional
    public void repin(long roundId, String decisionKey, int version, String definitionId, String why, String actor) {
        Instant now = clock.instant();
        int was = pins.version(roundId, decisionKey).orElse(0);
        pins.pin(roundId, decisionKey, version, definitionId, actor, now);
        events.record(roundId, RoundEvents.Kind.REPINNED, decisionKey + " v" + was + " → v" + version
                + "：本批次改按新版本认定，未拨付的案件已重新认定 / This round now decides by the new version; its unpaid cases were re-decided",
                why, actor, now);
    }

    /** A round not open yet has no cases: it takes a newly published version of its tables. */
    @Transactional
    public void repinPlanned(String decisionKey, int version, String definitionId, String actor) {
        LocalDate today = calendar.today();
        Instant now = clock.instant();
        catalogue.byRuleTable(decisionKey).ifPresent(measure -> {
            for (ApplicationRound round : rounds.findByMeasureOrderByOpensOnAscIdAsc(measure.id())) {
                if (round.statusOn(today) == RoundStatus.PLANNED && pins.version(round.getId(), decisionKey).orElse(-1) != version) {
                    pins.pin(round.getId(), decisionKey, version, definitionId, actor, now);
                    events.record(round.getId(), RoundEvents.Kind.REPINNED, decisionKey + " v" + version
                            + "：新发布的版本适用于尚未开始的批次 / A version published before the round opens applies to it", null, actor, now);
                }
            }
        });
    }

    /** Ids of the round's cases, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> caseIdsOf(long roundId) {
        return jdbc.queryForList("SELECT id FROM case_record WHERE round_id = ? ORDER BY id", Long.class, roundId);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void pinLatest(ApplicationRound round, Measure measure, String actor, Instant now) {
        for (String key : measure.ruleTables()) {
            if (pins.version(round.getId(), key).isPresent()) {
                continue;
            }
            DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                    .singleResult();
            if (latest == null) {
                continue; // not deployed yet: pinned at the next start (RoundPinsAtStart)
            }
            pins.pin(round.getId(), key, latest.getVersion(), latest.getId(), actor, now);
            events.record(round.getId(), RoundEvents.Kind.PINNED, key + " v" + latest.getVersion()
                    + "：本批次案件按此版本认定 / This round's cases are decided by this version", null, actor, now);
        }
    }

    private void refuseOverlap(Measure measure, List<ApplicationRound> existing, Long self, LocalDate opens, LocalDate closes) {
        for (ApplicationRound other : existing) {
            if (!other.getId().equals(self) && other.overlaps(opens, closes)) {
                throw new ConflictException("opensOn", "申报期与措施" + number(measure) + " 的批次「" + other.getName() + "」（"
                        + RoundCalendar.zh(other.getOpensOn()) + " 至 " + RoundCalendar.zh(other.getClosesOn())
                        + "）重叠：同一措施同一时间只能有一个申报批次", "The application period overlaps round '" + other.getName() + "' of "
                        + measure.id() + " (" + other.getOpensOn() + " to " + other.getClosesOn() + "): a measure has one open round at a time");
            }
        }
    }

    private ApplicationRound find(long id) {
        return rounds.findById(id).orElseThrow(() -> new NotFoundException("id", "没有编号为 " + id + " 的申报批次",
                "There is no application round " + id));
    }

    private RoundApi.RoundView view(ApplicationRound r, LocalDate today) {
        RoundStatus status = r.statusOn(today);
        long cases = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE round_id = ?", Long.class, r.getId());
        return new RoundApi.RoundView(r.getId(), r.getMeasure(), r.getName(), r.getPerformanceFrom(), r.getPerformanceTo(), r.getOpensOn(),
                r.getClosesOn(), status.name(), status.label().zh(), status.label().en(), r.getClosedEarlyAt(), r.getClosedEarlyBy(),
                r.getNote(), pins.of(r.getId()).stream().map(p -> new RoundApi.PinView(p.decisionKey(), p.version(), p.pinnedBy(),
                        p.pinnedAt())).toList(), cases,
                events.of(r.getId()).stream().sorted(Comparator.comparing(RoundEvents.Event::at).reversed())
                        .map(e -> new RoundApi.EventView(e.kind().name(), e.detail(), e.reason(), e.actor(), e.at())).toList(),
                r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedBy(), r.getUpdatedAt(), r.getRowVersion());
    }

    /** "M1" → "1", as the policy numbers its measures in Chinese text (措施1). */
    static String number(Measure measure) {
        return measure.id().replaceFirst("^M", "");
    }

    private Caller reader() {
        Caller caller = currentCaller.get();
        if (!caller.isInAny(Groups.POLICY_ADMIN, Groups.LEAD_BUREAU, Groups.CAMUNDA_ADMIN, Groups.AUDITOR)) {
            throw new AccessDeniedException(caller.userId() + " may not read the application rounds");
        }
        return caller;
    }

    private Caller manager() {
        Caller caller = currentCaller.get();
        if (!canManage(caller)) {
            throw new AccessDeniedException(caller.userId() + " may not manage application rounds");
        }
        return caller;
    }

    private static boolean canManage(Caller caller) {
        return caller.isInAny(Groups.POLICY_ADMIN, Groups.LEAD_BUREAU);
    }
}
