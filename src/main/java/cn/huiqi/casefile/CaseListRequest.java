package cn.huiqi.casefile;

import java.util.List;
import java.util.regex.Pattern;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.ListPaging;
import cn.huiqi.unit.UnitRepository;

/**
 * One request for a page of cases: filters, sort and page, each checked (a bilingual 400 per refused field).
 * Every filter narrows what the caller may see anyway ({@link CaseVisibility.Scope}); none widens it.
 */
record CaseListRequest(String measure, String status, String locality, Long roundId, Long enterpriseId,
                       String enterpriseName, String caseNumberPrefix, Boolean flagged, ListPaging paging) {

    /** Newest first by default; the amount largest first. */
    static final ListPaging.Sorts SORTS = ListPaging.Sorts.of(
            java.util.Arrays.stream(Sort.values()).map(Enum::name).toList(), List.of("submittedAt", "amount"));
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern ENTERPRISE_ID = Pattern.compile("[0-9]{1,18}");

    /**
     * The whitelisted sort keys and the columns they order by, all in the same direction: each list is an index's
     * (V21, V60; InnoDB appends the id), so a page reads the index in order and stops, whatever the number of cases.
     * Ties break on the id; on the submission time first for a status; a case number is unique.
     */
    enum Sort {
        submittedAt("c.submitted_at", "c.id"), caseNumber("c.case_number"), status("c.status", "c.submitted_at", "c.id"),
        amount("c.reward_amount", "c.id");

        final List<String> columns;

        Sort(String... columns) {
            this.columns = List.of(columns);
        }
    }

    /** The raw query parameters, as text, so a bad value is refused by name rather than by a type error. */
    record Raw(String measure, String status, String locality, String round, String enterprise, String caseNumber,
               String flagged, String sort, String order, String page, String size) {
    }

    static CaseListRequest check(Raw raw, CaseLifecycles lifecycles, UnitRepository units) {
        FieldChecks checks = new FieldChecks();
        String measure = blankToNull(raw.measure());
        if (measure != null && lifecycles.find(measure).isEmpty()) {
            checks.add("measure", "没有措施 " + shown(measure) + " 的案件", "There are no cases of a measure " + shown(measure));
        }
        String status = blankToNull(raw.status());
        if (status != null && !checks.has("measure")) {
            boolean known = measure != null ? lifecycles.find(measure).flatMap(l -> l.find(status)).isPresent()
                    : lifecycles.anyHas(status);
            if (!known) {
                checks.add("status", (measure != null ? "措施 " + measure + " 没有状态 " : "没有状态 ") + shown(status),
                        (measure != null ? "Measure " + measure + " has no status " : "There is no status ") + shown(status));
            }
        }
        String locality = blankToNull(raw.locality());
        if (locality != null && units.findById(locality).filter(u -> u.isLocality()).isEmpty()) {
            checks.add("locality", "没有属地单位 " + shown(locality), "There is no locality unit " + shown(locality));
        }
        Long round = null;
        String roundText = blankToNull(raw.round());
        if (roundText != null) {
            if (ENTERPRISE_ID.matcher(roundText).matches()) {
                round = Long.valueOf(roundText);
            } else {
                checks.add("round", "round 应为申报批次编号（正整数）", "round must be an application round id (a whole number)");
            }
        }
        Long enterpriseId = null;
        String enterpriseName = null;
        String enterprise = blankToNull(raw.enterprise());
        if (enterprise != null) {
            if (ENTERPRISE_ID.matcher(enterprise).matches()) {
                enterpriseId = Long.valueOf(enterprise);
            } else {
                enterpriseName = checks.requiredText("enterprise", enterprise, "企业名称", "The enterprise name", 100);
            }
        }
        String caseNumber = blankToNull(raw.caseNumber());
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            checks.add("caseNumber", "案件编号只能由至多32个字母、数字和连字符组成（如 M1-2023-000123，可只写开头）",
                    "The case number must be at most 32 letters, digits and hyphens (such as M1-2023-000123, or its beginning)");
            caseNumber = null;
        }
        Boolean flagged = null;
        String flaggedText = blankToNull(raw.flagged());
        if (flaggedText != null) {
            if (flaggedText.equals("true") || flaggedText.equals("false")) {
                flagged = flaggedText.equals("true");
            } else {
                checks.add("flagged", "flagged 只能为 true 或 false", "flagged must be true or false");
            }
        }
        ListPaging paging = ListPaging.check(checks, SORTS, raw.page(), raw.size(), raw.sort(), raw.order());
        checks.throwIfAny();
        return new CaseListRequest(measure, status, locality, round, enterpriseId, enterpriseName, caseNumber, flagged,
                paging);
    }

    Sort sort() {
        return Sort.valueOf(paging.sort());
    }

    private static String blankToNull(String text) {
        return ListPaging.blankToNull(text);
    }

    private static String shown(String value) {
        return ListPaging.shown(value);
    }
}
