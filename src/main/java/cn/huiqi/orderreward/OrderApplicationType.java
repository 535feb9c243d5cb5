package cn.huiqi.orderreward;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicationType;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;

/** Measure 1 (order reward): one application per contract. */
@Component
public class OrderApplicationType implements ApplicationType {

    public static final String MEASURE = "M1";
    public static final String PROCESS_KEY = "m1-order-reward";

    private final OrderApplicationValidator validator;

    public OrderApplicationType(OrderApplicationValidator validator) {
        this.validator = validator;
    }

    @Override
    public String measure() {
        return MEASURE;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant) {
        OrderApplication application = validator.validate(fields);
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("counterparty", application.counterparty());
        normalized.put("contractNumber", application.contractNumber());
        normalized.put("signingDate", application.signingDate().toString());
        normalized.put("orderAmount", Money.format(application.orderAmount()));
        normalized.put("executionEvidence", application.executionEvidence());
        NewApplication newApplication = new NewApplication(MEASURE, "contractNumber", application.contractNumber(),
                "合同", "contract", normalized, application.orderAmount());
        // the rule task reads orderAmount as an exact decimal; the forms show orderAmountText
        Map<String, Object> variables = new LinkedHashMap<>(normalized);
        variables.put("orderAmount", application.orderAmount());
        variables.put("orderAmountText", Money.format(application.orderAmount()));
        return new ValidatedApplication(newApplication, variables);
    }
}
