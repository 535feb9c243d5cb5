package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.ApplicationType;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.common.ConflictException;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;

/**
 * Measure 1 (order reward): one application per enterprise for the measure as a whole (subject key
 * {@value #SUBJECT}, unique per measure and enterprise in the database), listing its orders; each
 * contract number can be claimed by one application only (unique {@code m1_order.contract_key}).
 */
@Component
public class OrderApplicationType implements ApplicationType {

    public static final String MEASURE = OrderRewardMeasure.ID;
    public static final String PROCESS_KEY = OrderRewardMeasure.PROCESS_KEY;
    /** The subject of every measure 1 application: the enterprise itself. */
    public static final String SUBJECT = "ENTERPRISE";

    private final OrderApplicationValidator validator;
    private final M1OrderRepository orders;
    private final ObjectMapper json;
    private final SingletonSupplier<OrderVerification> verification;

    public OrderApplicationType(OrderApplicationValidator validator, M1OrderRepository orders, ObjectMapper json,
                                ObjectProvider<OrderVerification> verification) {
        this.verification = SingletonSupplier.of(verification::getObject);
        this.validator = validator;
        this.orders = orders;
        this.json = json;
    }

    @Override
    public String measure() {
        return MEASURE;
    }

    /** The review forms' list of orders with their results ({@link OrderVerification}). */
    @Override
    public Map<String, Object> reviewFigures(CaseRecord caseRecord) {
        return Map.of(OrderVerification.FIELD, verification.obtain().figure(caseRecord));
    }

    @Override
    public Class<OrderApplicationRequest> requestType() {
        return OrderApplicationRequest.class;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant) {
        OrderApplication application = validator.validate(fields);
        // the case keeps the orders without their evidence (the m1_order rows hold everything)
        List<Map<String, Object>> listed = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (OrderApplication.Line line : application.orders()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", line.lineNo());
            row.put("counterparty", line.counterparty());
            row.put("contractNumber", line.contractNumber());
            row.put("signingDate", line.signingDate().toString());
            row.put("orderAmount", Money.format(line.orderAmount()));
            listed.add(row);
            total = total.add(line.orderAmount());
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("orders", listed);
        NewApplication newApplication = new NewApplication(MEASURE, "applicant", SUBJECT, "企业（每家企业对措施1只能申请一次）",
                "enterprise (one measure 1 application per enterprise)", normalized, Money.fen(total));
        // provisional decision inputs: every listed order counts until the locality has verified them. Transient: the
        // rule task reads them in this transaction; the DMN history keeps them as its inputs, and decisionInputs (what-if)
        // and the re-decision count them again from m1_order
        Map<String, Object> variables = new LinkedHashMap<>();
        CountedOrders.of(application.orders().stream().map(line -> new M1Order(null, line)).toList()).asDecisionInputs()
                .forEach((name, value) -> variables.put(name, Variables.untypedValue(value, true)));
        // as sent, less the evidence text, when the start passed the orders stored (Tasklist's start form, REST)
        variables.put("orders", SpinValues.jsonValue(toJson(listed)).create());
        return new ValidatedApplication(newApplication, variables, application);
    }

    /** m1_order and the case's application keep the orders; the review forms read them from there. */
    @Override
    public Set<String> readOnceFields() {
        return Set.of("orders");
    }

    @Override
    public void checkClaims(NewApplication application) {
        for (Map<String, Object> row : rows(application.application())) {
            String contractNumber = (String) row.get("contractNumber");
            if (orders.findByContractKey(ContractNumbers.key(contractNumber)).isPresent()) {
                // the other application may be another enterprise's: say that it is claimed, not by whom
                throw new ConflictException("orders[" + ((Integer) row.get("line") - 1) + "].contractNumber",
                        "合同编号 " + contractNumber + " 已在另一份申请中申报：同一合同只能申报一次",
                        "Contract number " + contractNumber + " is already claimed in another application; a contract is claimed once");
            }
        }
    }

    @Override
    public void opened(CaseRecord caseRecord, ValidatedApplication validated) {
        OrderApplication application = (OrderApplication) validated.details();
        // each written at once: the contract's unique key decides a race here, inside the start's transaction
        orders.insertOfNewCase(caseRecord.getId(),
                application.orders().stream().map(line -> new M1Order(caseRecord.getId(), line)).toList());
    }

    @Override
    public void withdrawn(CaseRecord caseRecord) {
        orders.releaseContracts(caseRecord.getId());
    }

    @Override
    public Map<String, Object> decisionInputs(CaseRecord caseRecord) {
        return CountedOrders.of(orders.findByCaseIdOrderByLineNo(caseRecord.getId())).asDecisionInputs();
    }

    /** Every order with its evidence and its own verification, from the order table. */
    @Override
    public Map<String, Object> applicationView(CaseRecord caseRecord, Map<String, Object> stored) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (M1Order order : orders.findByCaseIdOrderByLineNo(caseRecord.getId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", order.getLineNo());
            row.put("counterparty", order.getCounterparty());
            row.put("contractNumber", order.getContractNumber());
            row.put("signingDate", order.getSigningDate().toString());
            row.put("orderAmount", Money.format(order.getAmount()));
            row.put("executionEvidence", order.getExecutionEvidence());
            row.put("verification", order.getVerification().name());
            row.put("verificationReason", order.getVerificationReason());
            row.put("verifiedBy", order.getVerifiedBy());
            row.put("verifiedAt", order.getVerifiedAt() == null ? null : order.getVerifiedAt().toString());
            rows.add(row);
        }
        Map<String, Object> view = new LinkedHashMap<>(stored);
        view.put("orders", rows);
        return view;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> application) {
        return (List<Map<String, Object>>) application.get("orders");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
