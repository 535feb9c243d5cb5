package cn.huiqi.casefile;

import java.util.regex.Pattern;

import cn.huiqi.common.FieldChecks;
import cn.huiqi.unit.UnitRepository;

/**
 * One request for a page of cases: filters, sort and page, each checked (a bilingual 400 per refused field).
 * Every filter narrows what the caller may see anyway ({@link CaseVisibility.Scope}); none widens it.
 */
record CaseListRequest(String measure, String status, String locality, Long roundId, Long enterpriseId,
                       String enterpriseName, String caseNumberPrefix, Boolean flagged, Sort sort, boolean descending,
                       int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern ENTERPRISE_ID = Pattern.compile("[0-9]{1,18}");

    /** The whitelisted sort keys and their columns; ties break on the case id in the same direction. */
    enum Sort {
        submittedAt("c.submitted_at"), caseNumber("c.case_number"), status("c.status"), amount("r.reward_amount");

        final String column;

        Sort(String column) {
            this.column = column;
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
        Sort sort = Sort.submittedAt;
        String sortText = blankToNull(raw.sort());
        if (sortText != null) {
            try {
                sort = Sort.valueOf(sortText);
            } catch (IllegalArgumentException e) {
                checks.add("sort", "sort 只能为 submittedAt、caseNumber、status 或 amount",
                        "sort must be submittedAt, caseNumber, status or amount");
            }
        }
        String order = blankToNull(raw.order());
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            checks.add("order", "order 只能为 asc 或 desc", "order must be asc or desc");
        }
        boolean descending = order == null ? sort == Sort.submittedAt || sort == Sort.amount : order.equals("desc");
        int page = whole(checks, "page", raw.page(), 0, 0, MAX_PAGE);
        int size = whole(checks, "size", raw.size(), DEFAULT_SIZE, 1, MAX_SIZE);
        checks.throwIfAny();
        return new CaseListRequest(measure, status, locality, round, enterpriseId, enterpriseName, caseNumber, flagged,
                sort, descending, page, size);
    }

    private static int whole(FieldChecks checks, String field, String raw, int absent, int min, int max) {
        String text = blankToNull(raw);
        if (text == null) {
            return absent;
        }
        if (text.matches("-?[0-9]{1,7}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        checks.add(field, field + " 应为 " + min + " 至 " + max + " 的整数", field + " must be a whole number from " + min + " to " + max);
        return absent;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final Pattern QUOTABLE = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");

    /** A refused value as the message quotes it: only a short plain word is repeated back. */
    private static String shown(String value) {
        return QUOTABLE.matcher(value).matches() ? "「" + value + "」" : "（所给值 / the value given）";
    }
}
