package cn.huiqi.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.enterprise.Enterprise;

/**
 * An enterprise files a financing demand (its own login, or an agent naming {@code enterpriseId}): every field checked
 * (bilingual 400), explicit consent required, a retry with the same Idempotency-Key answers the same case. The
 * enterprise also corrects its terms here when screening returned the demand ({@link #terms}).
 */
@Component
class FinancingSubmission {

    static final List<String> BODY = List.of("enterpriseId", "amount", "termMonths", "purpose", "guaranteeKind", "orderCaseNumber",
            "order", "consent");
    static final List<String> TERMS = List.of("amount", "termMonths", "purpose", "guaranteeKind", "orderCaseNumber", "order");
    static final String ORDER_MEASURE = "M1";

    record Result(CaseRecord caseRecord, boolean created) {
    }

    private final CaseRegistration registration;
    private final FinancingIntake intake;
    private final Consents consents;
    private final CaseRecordRepository cases;

    FinancingSubmission(CaseRegistration registration, FinancingIntake intake, Consents consents, CaseRecordRepository cases) {
        this.registration = registration;
        this.intake = intake;
        this.consents = consents;
        this.cases = cases;
    }

    Result submit(String idempotencyKey, Map<String, Object> body) {
        FieldChecks checks = new FieldChecks();
        String key = checks.asciiToken("Idempotency-Key", idempotencyKey, "幂等键", "Idempotency key", 128);
        checks.throwIfAny();
        Enterprise enterprise = registration.applicantEnterprise(body.get(CaseRegistration.ENTERPRISE_ID));
        DemandFields.onlyKnown(checks, body, BODY);
        DemandTerms terms = terms(checks, enterprise.getId(), body);
        ConsentTerms consent = consents.parse(checks, "consent.", body.get("consent"));
        checks.throwIfAny();
        NewFinancingDemand demand = new NewFinancingDemand(enterprise, terms, consent, key);
        return intake.retried(demand).map(c -> new Result(c, false))
                .orElseGet(() -> new Result(intake.open(demand), true));
    }

    /**
     * The terms in a body: amount (元, exact to the fen), termMonths, purpose, guaranteeKind, and for ORDER_FINANCING
     * exactly one of {@code orderCaseNumber} (one of this enterprise's measure 1 cases) or {@code order}
     * ({@code buyer}, {@code amount}, {@code dueOn}); neither for any other kind. Null after recording the problems.
     */
    DemandTerms terms(FieldChecks checks, long enterpriseId, Map<String, Object> body) {
        BigDecimal amount = DemandFields.amount(checks, "amount", body.get("amount"), "融资金额", "The amount");
        Integer term = DemandFields.months(checks, "termMonths", body.get("termMonths"), "期限", "The term");
        String purpose = checks.requiredText("purpose", body.get("purpose"), "资金用途", "The purpose", 500);
        GuaranteeKind kind = DemandFields.oneOf(checks, "guaranteeKind", body.get("guaranteeKind"), GuaranteeKind.class, "担保方式", "The guarantee kind");
        Object orderCase = body.get("orderCaseNumber");
        Object order = body.get("order");
        Long orderCaseId = null;
        String buyer = null;
        BigDecimal orderAmount = null;
        LocalDate dueOn = null;
        if (kind == GuaranteeKind.ORDER_FINANCING) {
            if ((orderCase == null) == (order == null)) {
                checks.add("orderCaseNumber", "订单融资须关联本企业的一件措施1申报（orderCaseNumber）或填写订单信息（order），二者选一",
                        "Order financing needs one of your measure 1 cases (orderCaseNumber) or the order entered (order), not both");
            } else if (orderCase != null) {
                String number = orderCase.toString().strip();
                orderCaseId = cases.findByCaseNumber(number)
                        .filter(c -> ORDER_MEASURE.equals(c.getMeasure()) && c.getEnterpriseId() != null && c.getEnterpriseId() == enterpriseId)
                        .map(CaseRecord::getId).orElse(null);
                if (orderCaseId == null) {
                    checks.add("orderCaseNumber", "订单 " + number + " 不是本企业的措施1申报", "Case " + number + " is not one of your measure 1 cases");
                }
            } else if (order instanceof Map<?, ?> entered) {
                for (Object field : entered.keySet()) {
                    if (!List.of("buyer", "amount", "dueOn").contains(String.valueOf(field))) {
                        checks.add("order." + field, "不认识的字段 " + field, "Unknown field " + field);
                    }
                }
                buyer = checks.requiredText("order.buyer", entered.get("buyer"), "订单买方", "The buyer", 200);
                orderAmount = DemandFields.amount(checks, "order.amount", entered.get("amount"), "订单金额", "The order amount");
                dueOn = DemandFields.date(checks, "order.dueOn", entered.get("dueOn"), "订单交付日期", "The order's due date");
            } else {
                checks.add("order", "订单信息须包含 buyer、amount、dueOn", "The order needs buyer, amount and dueOn");
            }
        } else if (orderCase != null || order != null) {
            checks.add(orderCase != null ? "orderCaseNumber" : "order", "只有订单融资才关联订单", "Only order financing links an order");
        }
        if (amount == null || term == null || purpose == null || kind == null || checks.has("orderCaseNumber") || checks.has("order")
                || kind == GuaranteeKind.ORDER_FINANCING && orderCaseId == null && (buyer == null || orderAmount == null || dueOn == null)) {
            return null;
        }
        return new DemandTerms(amount, term, purpose, kind, orderCaseId, buyer, orderAmount, dueOn);
    }
}
