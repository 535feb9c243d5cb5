package cn.huiqi.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.huiqi.casefile.CaseLifecycles;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseStatus;
import cn.huiqi.casefile.CaseTimeline;
import cn.huiqi.casefile.CaseVisibility;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Money;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;
import cn.huiqi.identity.Groups;
import cn.huiqi.round.Rounds;
import cn.huiqi.unit.Unit;
import cn.huiqi.unit.UnitRepository;

/**
 * The rules page's work: list the tables, validate and what-if a draft, publish it (or an earlier version
 * again), and re-evaluate one case on an officer's request. Access (default deny): policy staff
 * ({@code policy-admin}) do everything; operators and auditors read; anyone else may read only a version
 * that decided a case they may read. See docs/rules.md.
 */
@Service
public class RulesService {

    /** A case can be re-evaluated only before its reward is approved and reserved in the fund. */
    static final Set<RewardStatus> REEVALUABLE = EnumSet.of(RewardStatus.LOCALITY_VERIFICATION, RewardStatus.SUPPLEMENT_REQUESTED,
            RewardStatus.CITY_REVIEW);

    private final RuleRepository repository;
    private final PublicationLog log;
    private final DraftValidator validator;
    private final WhatIfRunner whatIf;
    private final PoolCaps poolCaps;
    private final CurrentCaller currentCaller;
    private final CaseRecordRepository cases;
    private final CaseVisibility visibility;
    private final CaseTimeline timeline;
    private final CaseInputs caseInputs;
    private final DraftDmnEngine dmnEngine;
    private final CaseFormFigures formFigures;
    private final Rounds rounds;
    private final RoundRedecision roundRedecision;
    private final RuleKinds kinds;
    private final RewardClaims claims;
    private final CaseLifecycles lifecycles;
    private final UnitRepository units;

    RulesService(RuleRepository repository, PublicationLog log, DraftValidator validator, WhatIfRunner whatIf, PoolCaps poolCaps,
                 CurrentCaller currentCaller, CaseRecordRepository cases, CaseVisibility visibility, CaseTimeline timeline,
                 CaseInputs caseInputs, DraftDmnEngine dmnEngine, CaseFormFigures formFigures, Rounds rounds,
                 RoundRedecision roundRedecision, RuleKinds kinds, RewardClaims claims, CaseLifecycles lifecycles, UnitRepository units) {
        this.units = units;
        this.claims = claims;
        this.lifecycles = lifecycles;
        this.repository = repository;
        this.log = log;
        this.validator = validator;
        this.whatIf = whatIf;
        this.poolCaps = poolCaps;
        this.currentCaller = currentCaller;
        this.cases = cases;
        this.visibility = visibility;
        this.timeline = timeline;
        this.caseInputs = caseInputs;
        this.dmnEngine = dmnEngine;
        this.formFigures = formFigures;
        this.rounds = rounds;
        this.roundRedecision = roundRedecision;
        this.kinds = kinds;
    }

    // ---- reading ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RuleApi.Catalog catalog() {
        Caller caller = readerOfAll();
        List<RuleApi.DecisionSummary> decisions = repository.latestOfEveryKey().stream().map(this::summary).toList();
        return new RuleApi.Catalog(caller.userId(), canPublish(caller), decisions);
    }

    @Transactional(readOnly = true)
    public RuleApi.DecisionDetail detail(String key) {
        Caller caller = readerOfAll();
        RuleRepository.Version latest = repository.latest(key);
        String xml = repository.xml(latest);
        List<RuleApi.VersionInfo> versions = repository.versions(key).stream().map(this::info).toList();
        List<RuleApi.PublicationView> publications = log.publications(key).stream().map(RulesService::view).toList();
        TableView table = TableView.of(TableView.parse(xml), key);
        return new RuleApi.DecisionDetail(summary(latest), table, xml, versions, publications, canPublish(caller), sentences(table));
    }

    @Transactional(readOnly = true)
    public RuleApi.VersionDetail version(String key, int version) {
        Caller caller = currentCaller.get();
        if (!readsAll(caller)) {
            boolean decidedAReadableCase = cases.findAllById(claims.decidedBy(key, version)).stream()
                    .anyMatch(c -> visibility.canRead(caller, c));
            if (!decidedAReadableCase) {
                throw new AccessDeniedException(caller.userId() + " may not read " + key + " v" + version);
            }
        }
        RuleRepository.Version found = repository.get(key, version);
        String xml = repository.xml(found);
        TableView table = TableView.of(TableView.parse(xml), key);
        return new RuleApi.VersionDetail(key, found.name(), info(found), repository.latest(key).version() == version, table, xml,
                sentences(table));
    }

    private List<RuleSentences.Sentence> sentences(TableView table) {
        Map<String, String> names = units.findAll().stream().collect(Collectors.toMap(Unit::getId, Unit::getNameZh));
        return RuleSentences.of(table, names::get);
    }

    @Transactional(readOnly = true)
    public List<RuleApi.PublicationView> publications(String key) {
        readerOfAll();
        repository.latest(key);
        return log.publications(key).stream().map(RulesService::view).toList();
    }

    // ---- drafts -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public RuleApi.Validation validate(String key, RuleApi.DraftRequest request) {
        publisher();
        RuleRepository.Version latest = repository.latest(key);
        DraftValidator.Result result = validator.validate(key, request == null ? null : request.xml(),
                TableView.parse(repository.xml(latest)));
        return new RuleApi.Validation(result.valid(), result.problems());
    }

    @Transactional
    public RuleApi.WhatIfReport whatIf(String key, RuleApi.WhatIfRequest request) {
        Caller caller = publisher();
        RuleRepository.Version latest = repository.latest(key);
        String xml;
        Integer restores = null;
        if (request != null && request.version() != null) {
            xml = repository.xml(repository.get(key, request.version()));
            restores = request.version();
        } else {
            xml = request == null ? null : request.xml();
        }
        DmnModelInstance current = TableView.parse(repository.xml(latest));
        DraftValidator.Result validation = validator.validate(key, xml, current);
        if (!validation.valid()) {
            throw new InvalidInputException(validation.problems());
        }
        WhatIfRunner.Figures figures = whatIf.run(key, validation.model(), current);
        List<RuleDiff.Line> diff = RuleDiff.between(TableView.of(current, key), TableView.of(validation.model(), key));
        String token = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String sha = sha256(xml);
        log.record(new PublicationLog.WhatIfRun(token, key, sha, latest.version(), figures.casesEvaluated(),
                figures.outcomesChanged(), figures.errors(), figures.totalBefore(), figures.totalAfter(), figures.poolCap(),
                figures.exceedsCapAfter(), caller.userId(), now));
        BigDecimal difference = figures.totalBefore() == null ? null : figures.totalAfter().subtract(figures.totalBefore());
        return new RuleApi.WhatIfReport(token, key, sha, latest.version(), restores, figures.measure(), figures.casesEvaluated(),
                figures.outcomesChanged(), figures.errors(), figures.totalBefore(), figures.totalAfter(), difference,
                figures.poolCap(), figures.measure() == null ? null : poolCaps.source(), figures.exceedsCapBefore(),
                figures.exceedsCapAfter(), figures.errors() == 0, diff, figures.cases(), figures.measures(), caller.userId(), now,
                rounds.openRoundDecidedBy(key).map(r -> new RuleApi.OpenRoundView(r.id(), r.measure(), r.name(), r.pinnedVersion()))
                        .orElse(null));
    }

    // ---- publishing -------------------------------------------------------------------------------

    @Transactional
    public RuleApi.PublicationView publish(String key, RuleApi.PublishRequest request) {
        Caller caller = publisher();
        FieldChecks checks = new FieldChecks();
        String note = checks.requiredText("note", request == null ? null : request.note(), "修改说明", "Change note", 2000);
        String token = checks.requiredText("whatIfToken", request == null ? null : request.whatIfToken(), "试算编号",
                "What-if token", 36);
        if (request == null || request.xml() == null || request.xml().isBlank()) {
            checks.add("xml", "决策表内容不能为空", "The decision table XML is required");
        }
        checks.throwIfAny();
        validator.refuseNonFeel(request.xml());
        return deploy(caller, key, request.xml(), note, token, null, request.scope());
    }

    @Transactional
    public RuleApi.PublicationView rollback(String key, RuleApi.RollbackRequest request) {
        Caller caller = publisher();
        FieldChecks checks = new FieldChecks();
        String note = checks.requiredText("note", request == null ? null : request.note(), "回滚说明", "Rollback note", 2000);
        String token = checks.requiredText("whatIfToken", request == null ? null : request.whatIfToken(), "试算编号",
                "What-if token", 36);
        if (request == null || request.version() == null) {
            checks.add("version", "请选择要恢复的版本", "Choose the version to restore");
        }
        checks.throwIfAny();
        RuleRepository.Version restored = repository.get(key, request.version());
        if (repository.latest(key).version() == restored.version()) {
            throw new ConflictException("version", "第 " + restored.version() + " 版就是现行版本，无需回滚",
                    "Version " + restored.version() + " is already in force");
        }
        return deploy(caller, key, repository.xml(restored), note, token, restored.version(), request.scope());
    }

    private RuleApi.PublicationView deploy(Caller caller, String key, String xml, String note, String token, Integer restores,
                                           String scopeText) {
        RuleRepository.Version latest = repository.latest(key);
        PublicationLog.WhatIfRun run = log.whatIf(token).filter(r -> r.key().equals(key))
                .orElseThrow(() -> new ConflictException("whatIfToken", "请先对这份草稿试算，再发布",
                        "Run a what-if of this draft before publishing it"));
        if (!run.draftSha256().equals(sha256(xml))) {
            throw new ConflictException("whatIfToken", "草稿在试算后又有修改：请重新试算后再发布",
                    "The draft changed after its what-if: run the what-if again before publishing");
        }
        if (run.baseVersion() != latest.version()) {
            throw new ConflictException("whatIfToken", "试算之后已发布了第 " + latest.version() + " 版：请在新版本上重新试算",
                    "Version " + latest.version() + " was published after this what-if: run it again against the version in force");
        }
        if (run.errors() > 0) {
            throw new ConflictException("whatIfToken", "试算中有 " + run.errors() + " 件案件无法判定，不能发布",
                    run.errors() + " case(s) could not be decided in the what-if: the draft cannot be published");
        }
        String currentXml = repository.xml(latest);
        DmnModelInstance current = TableView.parse(currentXml);
        DraftValidator.Result validation = validator.validate(key, xml, current);
        if (!validation.valid()) {
            throw new InvalidInputException(validation.problems());
        }
        List<RuleDiff.Line> diff = RuleDiff.between(TableView.of(current, key), TableView.of(validation.model(), key));
        if (diff.isEmpty() && sha256(currentXml).equals(sha256(xml))) {
            throw new ConflictException("xml", "草稿与现行版本完全相同，无需发布", "The draft is identical to the version in force");
        }
        Optional<Rounds.OpenRound> openRound = rounds.openRoundDecidedBy(key);
        RuleApi.Scope scope = scope(scopeText, openRound, latest.version());
        RuleRepository.Version published = repository.deploy(key, xml);
        PublicationLog.Publication publication = new PublicationLog.Publication(0, key, published.version(),
                published.definitionId(), published.deploymentId(),
                restores == null ? PublicationLog.Kind.PUBLISH : PublicationLog.Kind.ROLLBACK, latest.version(), restores, note,
                run.id(), RuleDiff.summary(diff), diff, caller.userId(), Instant.now(), scope == null ? null : scope.name(),
                openRound.map(Rounds.OpenRound::id).orElse(null));
        log.record(publication);
        rounds.repinPlanned(key, published.version(), published.definitionId(), caller.userId());
        List<RuleApi.RedecisionLine> redecisions = null;
        if (scope == RuleApi.Scope.THIS_ROUND) {
            Rounds.OpenRound round = openRound.get();
            rounds.repin(round.id(), key, published.version(), published.definitionId(), note, caller.userId());
            DmnDecision decision = dmnEngine.get().parseDecision(key, validation.model());
            redecisions = roundRedecision.redecide(round, key, decision, published, note, caller.userId());
        }
        PublicationLog.Publication p = publication;
        return new RuleApi.PublicationView(p.version(), p.kind().name(), p.previousVersion(), p.restoredVersion(), p.note(),
                p.publishedBy(), p.publishedAt(), p.diffSummary(), p.diff(), p.scope(), p.roundId(),
                openRound.map(Rounds.OpenRound::name).orElse(null), redecisions);
    }

    /** While a round of the table's measure is open the publisher must choose whom the new version applies to. */
    private static RuleApi.Scope scope(String text, Optional<Rounds.OpenRound> openRound, int inForce) {
        RuleApi.Scope scope = null;
        if (text != null && !text.isBlank()) {
            try {
                scope = RuleApi.Scope.valueOf(text.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("scope", "适用范围应为 NEXT_ROUND（下一批次起）或 THIS_ROUND（本批次也适用）",
                        "scope must be NEXT_ROUND (from the next round on) or THIS_ROUND (for this round too)");
            }
        }
        if (openRound.isEmpty()) {
            return null; // no round open: the version applies to rounds opened from now on, and to planned ones
        }
        if (scope == null) {
            Rounds.OpenRound round = openRound.get();
            int pinned = round.pinnedVersion() == null ? inForce : round.pinnedVersion();
            throw new InvalidInputException("scope", "措施 " + round.measure() + " 的批次「" + round.name() + "」正在申报中，本批次案件按第 "
                    + pinned + " 版认定：请选择新版本的适用范围：NEXT_ROUND（下一批次起适用，本批次仍按第 " + pinned
                    + " 版）或 THIS_ROUND（本批次也适用，未拨付的案件按新版本重新认定）",
                    "Round '" + round.name() + "' of " + round.measure() + " is open and its cases are decided by version " + pinned
                            + ": choose the scope of the new version: NEXT_ROUND (from the next round on; this round keeps version "
                            + pinned + ") or THIS_ROUND (this round too: its cases not yet paid are decided again)");
        }
        return scope;
    }

    // ---- explicit re-evaluation of one case -------------------------------------------------------

    @Transactional
    public RuleApi.ReevaluationView reevaluate(String caseNumber, RuleApi.ReevaluationRequest request) {
        Caller caller = currentCaller.get();
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        boolean officer = caller.isIn(Groups.POLICY_ADMIN)
                || (visibility.canRead(caller, caseRecord) && caseRecord.getReviewUnits().stream().anyMatch(caller::isIn));
        if (!officer) {
            throw new AccessDeniedException(caller.userId() + " may not re-evaluate " + caseNumber);
        }
        FieldChecks checks = new FieldChecks();
        String reason = checks.requiredText("reason", request == null ? null : request.reason(), "重新认定理由",
                "Reason for the re-evaluation", 1000);
        checks.throwIfAny();
        RewardClaim claim = claims.of(caseRecord);
        String key = claim.getDecisionKey();
        if (key == null || !Boolean.TRUE.equals(claim.getEligible())) {
            throw new ConflictException("caseNumber", "案件 " + caseNumber + " 没有按决策表认定为符合条件，不能重新认定",
                    "Case " + caseNumber + " was not found eligible by a decision table; it cannot be re-evaluated");
        }
        CaseStatus status = lifecycles.statusOf(caseRecord);
        if (!REEVALUABLE.contains(status)) {
            throw new ConflictException("caseNumber", "案件处于「" + status.zh() + "」：只有审核通过前（属地核实、补正、市级审核中）的案件可以重新认定",
                    "Case is '" + status.en() + "': only cases before approval (locality verification, supplement, city review) can be re-evaluated");
        }
        RuleRepository.Version latest = repository.latest(key);
        DmnDecision decision = dmnEngine.get().parseDecision(key, TableView.parse(repository.xml(latest)));
        Map<String, Object> variables = caseInputs.of(List.of(caseRecord)).get(caseRecord.getId());
        WhatIfRunner.Outcome outcome = whatIf.reward(decision, variables);
        if (outcome.error() != null) {
            throw new ConflictException("caseNumber", "现行版本无法判定该案件：" + outcome.error(),
                    "The version in force cannot decide this case: " + outcome.error());
        }
        if (!Boolean.TRUE.equals(outcome.eligible())) {
            throw new ConflictException("caseNumber", "按现行第 " + latest.version() + " 版，该案件不再符合条件：请在审核中驳回并说明理由，而不是重新认定",
                    "Under version " + latest.version() + " in force the case is no longer eligible: reject it in review with a reason instead");
        }
        PublicationLog.Reevaluation entry = new PublicationLog.Reevaluation(0, caseRecord.getId(), key, claim.getDecisionVersion(),
                latest.version(), true, true, Money.fen(claim.getRewardAmount()), outcome.amount(), claim.getRewardTier(),
                outcome.tier(), reason, caller.userId(), Instant.now());
        claim.recordDecision(key, latest.version(), latest.definitionId(), true, outcome.amount(), outcome.tier(), null);
        claims.save(claim);
        timeline.record(caseRecord, "RULE_REEVALUATED", key + " v" + entry.oldVersion() + " → v" + entry.newVersion() + "：重新认定 "
                + Money.format(entry.oldAmount()) + " → " + Money.format(entry.newAmount()) + " 元（" + reason + "） / Re-evaluated, CNY "
                + Money.format(entry.oldAmount()) + " → " + Money.format(entry.newAmount()));
        log.record(entry);
        formFigures.update(caseRecord, latest.version(), outcome);
        return view(caseRecord.getCaseNumber(), entry);
    }

    @Transactional(readOnly = true)
    public List<RuleApi.ReevaluationView> reevaluations(String caseNumber) {
        Caller caller = currentCaller.get();
        CaseRecord caseRecord = cases.getByCaseNumber(caseNumber);
        if (!visibility.canRead(caller, caseRecord)) {
            throw new AccessDeniedException(caller.userId() + " may not read " + caseNumber);
        }
        return log.reevaluations(caseRecord.getId()).stream().map(r -> view(caseNumber, r)).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private RuleApi.DecisionSummary summary(RuleRepository.Version latest) {
        String kind = RuleKinds.namesUnits(latest.key()) ? "routing" : kinds.measureOf(latest.key()).isPresent() ? "reward" : "other";
        return new RuleApi.DecisionSummary(latest.key(), latest.name(), kind, kinds.measureOf(latest.key()).orElse(null), info(latest));
    }

    private RuleApi.VersionInfo info(RuleRepository.Version version) {
        Optional<PublicationLog.Publication> publication = log.publication(version.key(), version.version())
                .filter(p -> p.definitionId().equals(version.definitionId()));
        if (publication.isPresent()) {
            PublicationLog.Publication p = publication.get();
            return new RuleApi.VersionInfo(version.version(), version.definitionId(), RuleApi.Via.RULES_PAGE, p.publishedBy(),
                    p.publishedAt(), p.note(), p.kind().name(), p.restoredVersion(), version.deploymentName(), p.diffSummary());
        }
        if (RuleRepository.isSeed(version)) {
            return new RuleApi.VersionInfo(version.version(), version.definitionId(), RuleApi.Via.SEED, "system", version.deployedAt(),
                    "随系统发布的初始表（dmn/" + version.resourceName() + "）/ Bundled seed table", null, null,
                    version.deploymentName(), null);
        }
        return new RuleApi.VersionInfo(version.version(), version.definitionId(), RuleApi.Via.ENGINE_API,
                repository.deployedBy(version.deploymentId()).orElse(null), version.deployedAt(),
                "经引擎接口部署（如 Camunda Modeler）/ Deployed through the engine's API (e.g. Camunda Modeler)"
                        + (version.deploymentSource() == null ? "" : ", source " + version.deploymentSource()),
                null, null, version.deploymentName(), null);
    }

    private static RuleApi.PublicationView view(PublicationLog.Publication p) {
        return new RuleApi.PublicationView(p.version(), p.kind().name(), p.previousVersion(), p.restoredVersion(), p.note(),
                p.publishedBy(), p.publishedAt(), p.diffSummary(), p.diff(), p.scope(), p.roundId(), null, null);
    }

    private static RuleApi.ReevaluationView view(String caseNumber, PublicationLog.Reevaluation r) {
        return new RuleApi.ReevaluationView(caseNumber, r.key(), r.oldVersion(), r.newVersion(), r.oldEligible(), r.newEligible(),
                r.oldAmount(), r.newAmount(), r.oldTier(), r.newTier(), r.oldAmount().compareTo(r.newAmount()) != 0, r.reason(),
                r.actor(), r.at());
    }

    private Caller readerOfAll() {
        Caller caller = currentCaller.get();
        if (!readsAll(caller)) {
            throw new AccessDeniedException(caller.userId() + " may not read the rules");
        }
        return caller;
    }

    private Caller publisher() {
        Caller caller = currentCaller.get();
        if (!canPublish(caller)) {
            throw new AccessDeniedException(caller.userId() + " may not change the rules");
        }
        return caller;
    }

    private static boolean readsAll(Caller caller) {
        return caller.isInAny(Groups.POLICY_ADMIN, Groups.CAMUNDA_ADMIN, Groups.AUDITOR);
    }

    private static boolean canPublish(Caller caller) {
        return caller.isIn(Groups.POLICY_ADMIN);
    }

    static String sha256(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
