package cn.huiqi.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.huiqi.common.Label;

/**
 * One measure of a policy document, declared once, in the measure's own package (a Spring bean of this
 * type). Everything that needs the list of measures reads it from {@link MeasureCatalogue}.
 *
 * @param id           M1, M2, …: the case number prefix, the fund pool id, the DMN responsible-units input
 * @param policy       the id of the {@link PolicyDocument} the measure belongs to (checked at start by {@link PolicyDocuments})
 * @param clause       where the policy text says it, e.g. "第1条"
 * @param name         the measure's name in the policy (zh) and its English rendering
 * @param applicant    who applies
 * @param processKeys  the BPMN processes of its cases; the first is the one an applicant starts (empty: none yet; a
 *                     locality measure's is started by its evaluation round)
 * @param ruleTables   the DMN tables that decide its cases (reward tables; not the shared responsible-units)
 * @param paysMoney    whether its cases are paid from the fund
 * @param continuous   applications are taken at any time (no application period); otherwise only inside a round's period
 * @param poolCap      the cap the policy itself sets for the measure's pool (M1: 500万 "总奖励金额不超过500万元"), or null
 *                     when it sets none (huiqi.fund.caps overrides either)
 * @param startedByApp its cases are opened by the app's own API, which then starts the process as the system: nobody
 *                     starts the process (no start form, no CREATE_INSTANCE, no application endpoint), e.g. measure 7
 */
public record Measure(String id, String policy, String clause, Label name, ApplicantKind applicant,
                      List<String> processKeys, List<String> ruleTables, boolean paysMoney, boolean continuous,
                      BigDecimal poolCap, boolean startedByApp) {

    /** A measure whose applicant starts its process (or that has none). */
    public Measure(String id, String policy, String clause, Label name, ApplicantKind applicant,
                   List<String> processKeys, List<String> ruleTables, boolean paysMoney, boolean continuous,
                   BigDecimal poolCap) {
        this(id, policy, clause, name, applicant, processKeys, ruleTables, paysMoney, continuous, poolCap, false);
    }

    /** A measure whose policy sets no pool cap. */
    public Measure(String id, String policy, String clause, Label name, ApplicantKind applicant,
                   List<String> processKeys, List<String> ruleTables, boolean paysMoney, boolean continuous) {
        this(id, policy, clause, name, applicant, processKeys, ruleTables, paysMoney, continuous, null);
    }

    public Measure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(applicant, "applicant");
        processKeys = List.copyOf(processKeys);
        ruleTables = List.copyOf(ruleTables);
        if (poolCap != null && (!paysMoney || poolCap.signum() < 0)) {
            throw new IllegalArgumentException("measure " + id + ": a pool cap needs a paying measure and is not negative");
        }
    }

    /** The same measure, its cases opened by the app's own API and its process started by the app ({@link #startedByApp}). */
    public Measure processStartedByApp() {
        return new Measure(id, policy, clause, name, applicant, processKeys, ruleTables, paysMoney, continuous, poolCap, true);
    }

    /** The fund pool its cases are paid from (pool id = measure id), or empty when it pays nothing. */
    public Optional<String> pool() {
        return paysMoney ? Optional.of(id) : Optional.empty();
    }

    /** The policy's own cap of its pool, if the policy sets one. */
    public Optional<BigDecimal> policyPoolCap() {
        return Optional.ofNullable(poolCap);
    }

    /**
     * The process an applicant starts, or empty when nobody applies through a process (yet). A locality never applies:
     * its measures' processes (5 and 6) are started by the lead bureau's evaluation round.
     */
    public Optional<String> applicationProcess() {
        return processKeys.isEmpty() || applicant == ApplicantKind.LOCALITY || startedByApp ? Optional.empty() : Optional.of(processKeys.get(0));
    }
}
