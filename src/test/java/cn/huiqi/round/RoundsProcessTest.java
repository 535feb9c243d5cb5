package cn.huiqi.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.huiqi.casefile.ApplicationPeriods;
import cn.huiqi.casefile.ApplicationSubmission;
import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.RewardStatus;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.rules.RuleApi;
import cn.huiqi.rules.RulesService;
import cn.huiqi.testsupport.ProcessTestSupport;

/**
 * Issue 11 item 2: outside its round's application period a measure refuses a new application with a 400
 * naming the period, on both ways of applying, before any case is opened; a continuous measure never; a
 * version published for the open round decides its cases again, one published for the next round does not.
 * "Today" is set through the rounds' calendar (V11's first round 2023-10-08..10-31, the quick start's demo
 * round 2023-11-01..2099-12-31).
 */
class RoundsProcessTest extends ProcessTestSupport {

    @Autowired
    ApplicationSubmission submission;
    @Autowired
    ApplicationTypes types;
    @Autowired
    ApplicationPeriods periods;
    @Autowired
    MeasureCatalogue catalogue;
    @Autowired
    RulesService rules;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void beforeTheApplicationPeriodBothWaysOfApplyingAreA400NamingItAndNoCaseIsOpened() {
        doReturn(LocalDate.of(2023, 10, 1)).when(roundCalendar).today();
        String applicant = newEnterpriseUser("donghu");
        long casesBefore = cases.count();

        assertThatThrownBy(() -> apply(applicant, "m2-growth-reward", growth()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getProblems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("applicationPeriod");
                    assertThat(p.zh()).contains("措施2 的申报期为 2023年10月8日 至 2023年10月31日").contains("当前不在申报期内");
                    assertThat(p.en()).contains("Applications for M2 are taken from 2023-10-08 to 2023-10-31");
                }));
        assertThatThrownBy(() -> as(applicant, () -> submission.submit(types.forMeasure("M2").orElseThrow(), "before-period", growth())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(problem(e).zh()).contains("2023年10月8日 至 2023年10月31日"));
        assertThat(cases.count()).isEqualTo(casesBefore);
    }

    @Test
    void afterTheLastApplicationPeriodBothWaysOfApplyingAreA400NamingIt() {
        doReturn(LocalDate.of(2100, 1, 5)).when(roundCalendar).today();
        String applicant = newEnterpriseUser("donghu");
        long casesBefore = cases.count();

        assertThatThrownBy(() -> apply(applicant, "m1-order-reward", orders("60000000.00", "2023-08-01")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(problem(e).zh()).contains("措施1 的申报期为 2023年11月1日 至 2099年12月31日").contains("申报已截止");
                    assertThat(problem(e).en()).contains("M1").contains("2023-11-01 to 2099-12-31");
                });
        assertThatThrownBy(() -> as(applicant, () -> submission.submit(types.forMeasure("M3").orElseThrow(), "after-period",
                Map.of("projectId", "1"))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(problem(e).zh()).contains("措施3 的申报期为 2023年11月1日 至 2099年12月31日"));
        assertThat(cases.count()).isEqualTo(casesBefore);
    }

    @Test
    void insideThePeriodTheCaseRecordsItsRound() {
        String applicant = newEnterpriseUser("donghu");
        ProcessInstance instance = apply(applicant, "m2-growth-reward", growth());
        Long demoRound = jdbc.queryForObject("SELECT id FROM application_round WHERE measure = 'M2' AND closes_on = DATE '2099-12-31'",
                Long.class);
        assertThat(caseOf(instance).getRoundId()).isEqualTo(demoRound);
    }

    @Test
    void aContinuousMeasureIsNeverRefusedForAPeriod() {
        List<Measure> continuous = catalogue.all().stream().filter(Measure::continuous).toList();
        assertThat(continuous).extracting(Measure::id).contains("M7", "M8");
        for (LocalDate today : List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 10, 20), LocalDate.of(2100, 1, 1))) {
            doReturn(today).when(roundCalendar).today();
            for (Measure measure : continuous) {
                assertThat(periods.admit(measure.id())).as("%s on %s", measure.id(), today).isEmpty();
            }
        }
    }

    @Test
    void aVersionForTheNextRoundLeavesTheRoundAloneAndOneForThisRoundDecidesItsCasesAgain() {
        String key = "order-reward";
        String original = as("policy-staff", () -> rules.detail(key)).xml();
        ProcessInstance first = apply(newEnterpriseUser("donghu"), "m1-order-reward", orders("250000000.00", "2023-08-01"));
        int pinned = claimOf(first).getDecisionVersion();
        assertThat(claimOf(first).getRewardAmount()).isEqualByComparingTo("200000.00");
        try {
            // no choice while the round is open: a 400 asking for it
            String nextRoundDraft = withCell(original, "rule-tier-200m-reward", "210000");
            assertThatThrownBy(() -> publish(key, nextRoundDraft, null))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(problem(e).field()).isEqualTo("scope"))
                    .satisfies(e -> assertThat(problem(e).zh()).contains("NEXT_ROUND").contains("THIS_ROUND").contains("正在申报中"));

            // from the next round on: the open round and its cases keep their version, and so does a new case of the round
            RuleApi.PublicationView next = publish(key, nextRoundDraft, "NEXT_ROUND");
            assertThat(next.scope()).isEqualTo("NEXT_ROUND");
            assertThat(next.redecisions()).isNull();
            assertThat(claimOf(first).getRewardAmount()).isEqualByComparingTo("200000.00");
            assertThat(claimOf(first).getDecisionVersion()).isEqualTo(pinned);
            ProcessInstance second = apply(newEnterpriseUser("xihu"), "m1-order-reward", orders("260000000.00", "2023-08-02"));
            assertThat(claimOf(second).getDecisionVersion()).isEqualTo(pinned);
            assertThat(claimOf(second).getRewardAmount()).isEqualByComparingTo("200000.00");
            assertThat(timelineActions(first)).doesNotContain("ROUND_REDECIDED");

            // for this round too: re-pinned, and its unpaid cases are decided again, each audited
            String thisRoundDraft = withCell(as("policy-staff", () -> rules.detail(key)).xml(), "rule-tier-200m-reward", "220000");
            RuleApi.PublicationView now = publish(key, thisRoundDraft, "THIS_ROUND");
            assertThat(now.scope()).isEqualTo("THIS_ROUND");
            assertThat(now.redecisions()).extracting(RuleApi.RedecisionLine::caseNumber)
                    .contains(caseOf(first).getCaseNumber(), caseOf(second).getCaseNumber());
            for (ProcessInstance instance : List.of(first, second)) {
                assertThat(caseOf(instance).getStatus()).isEqualTo(RewardStatus.LOCALITY_VERIFICATION.name());
                assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("220000.00");
                assertThat(claimOf(instance).getDecisionVersion()).isEqualTo(now.version());
                assertThat(timelineActions(instance)).contains("ROUND_REDECIDED");
                assertThat(runtimeService.getVariable(review(instance).getId(), "rewardAmount")).isEqualTo("220000.00");
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_reevaluation WHERE case_id = ? AND new_version = ?", Integer.class,
                    caseOf(first).getId(), now.version())).isEqualTo(1);
            Long round = caseOf(first).getRoundId();
            assertThat(jdbc.queryForObject("SELECT version FROM round_rule_version WHERE round_id = ? AND decision_key = ?", Integer.class,
                    round, key)).isEqualTo(now.version());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM round_event WHERE round_id = ? AND kind = 'REPINNED' AND actor = 'policy-staff'",
                    Integer.class, round)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT round_scope FROM rule_publication WHERE decision_key = ? AND version = ?", String.class,
                    key, now.version())).isEqualTo("THIS_ROUND");
            // a new case of the round is decided by the re-pinned version
            ProcessInstance third = apply(newEnterpriseUser("xihu"), "m1-order-reward", orders("270000000.00", "2023-08-03"));
            assertThat(claimOf(third).getDecisionVersion()).isEqualTo(now.version());
            assertThat(claimOf(third).getRewardAmount()).isEqualByComparingTo("220000.00");
        } finally {
            // the shipped figure, in force for this round, for the other tests of this context
            String current = as("policy-staff", () -> rules.detail(key)).xml();
            if (!current.equals(original)) {
                publish(key, original, "THIS_ROUND");
            }
            // and the round pinned to the version it had, as other tests of this context expect (e.g. version 1)
            String pinnedDefinition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .decisionDefinitionVersion(pinned).singleResult().getId();
            jdbc.update("UPDATE round_rule_version SET version = ?, definition_id = ? WHERE round_id = ? AND decision_key = ?",
                    pinned, pinnedDefinition, caseOf(first).getRoundId(), key);
        }
    }

    /**
     * A case decided by the version its round pinned when it was submitted, after which the round was re-pinned without
     * the case being decided again (its submission committed after the publication had decided the round's cases):
     * the locality's verification of all its orders decides it by the round's pin, it does not confirm the
     * submission's decision. A round's cases are decided by the round's pinned version.
     */
    @Test
    void aCaseTheRoundsRedecisionMissedIsDecidedByTheRoundsPinAtVerification() {
        String key = "order-reward";
        String original = as("policy-staff", () -> rules.detail(key)).xml();
        ProcessInstance instance = apply(newEnterpriseUser("donghu"), "m1-order-reward", orders("250000000.00", "2023-08-01"));
        int pinned = claimOf(instance).getDecisionVersion();
        assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("200000.00");
        Long round = caseOf(instance).getRoundId();
        try {
            RuleApi.PublicationView next = publish(key, withCell(original, "rule-tier-200m-reward", "230000"), "NEXT_ROUND");
            // the round as the publication for this round leaves it, the case as that publication's re-decision missed it
            jdbc.update("UPDATE round_rule_version SET version = ?, definition_id = ? WHERE round_id = ? AND decision_key = ?",
                    next.version(), definitionOf(key, next.version()), round, key);
            assertThat(claimOf(instance).getDecisionVersion()).isEqualTo(pinned);

            completeAs("donghu-verifier", taskFor(instance, "Task_LocalityVerification", "donghu"), approveAccepting(1));

            assertThat(claimOf(instance).getDecisionVersion()).isEqualTo(next.version());
            assertThat(claimOf(instance).getRewardAmount()).isEqualByComparingTo("230000.00");
            assertThat(timelineActions(instance)).contains("RULE_REDECIDED_ELIGIBLE").doesNotContain("RULE_CONFIRMED_ELIGIBLE");
        } finally {
            // the shipped figure as the latest version, and the round pinned to the version it had, for the other tests
            if (!as("policy-staff", () -> rules.detail(key)).xml().equals(original)) {
                publish(key, original, "NEXT_ROUND");
            }
            jdbc.update("UPDATE round_rule_version SET version = ?, definition_id = ? WHERE round_id = ? AND decision_key = ?",
                    pinned, definitionOf(key, pinned), round, key);
        }
    }

    private String definitionOf(String key, int version) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).decisionDefinitionVersion(version)
                .singleResult().getId();
    }

    private RuleApi.PublicationView publish(String key, String xml, String scope) {
        return as("policy-staff", () -> {
            RuleApi.WhatIfReport whatIf = rules.whatIf(key, new RuleApi.WhatIfRequest(xml, null));
            return rules.publish(key, new RuleApi.PublishRequest(xml, "批次测试", whatIf.token(), scope));
        });
    }

    private static String withCell(String xml, String entryId, String newText) {
        int at = xml.indexOf("id=\"" + entryId + "\"");
        assertThat(at).as("entry %s in the table", entryId).isPositive();
        int open = xml.indexOf("<text>", at) + "<text>".length();
        int close = xml.indexOf("</text>", open);
        return xml.substring(0, open) + newText + xml.substring(close);
    }

    private static FieldProblem problem(Throwable e) {
        return ((InvalidInputException) e).getProblems().get(0);
    }

    private static Map<String, Object> growth() {
        Map<String, Object> form = new HashMap<>();
        form.put("taxableRevenue", "120000000.00");
        form.put("priorYearRevenue", "100000000.00");
        form.put("revenueEvidence", "增值税申报表");
        return form;
    }
}
