package cn.huiqi.orderreward;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.CaseRegistration;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.common.Money;

/**
 * First step of {@code m1-order-reward}: checks the start form again on the server and opens the
 * case. A refusal rolls the whole start back, so a bad form leaves no case and no process behind.
 */
@Component("registerOrderApplication")
public class RegisterOrderApplication implements JavaDelegate {

    public static final String MEASURE = "M1";

    private final OrderApplicationValidator validator;
    private final CaseRegistration registration;
    private final ObjectMapper json;

    public RegisterOrderApplication(OrderApplicationValidator validator, CaseRegistration registration, ObjectMapper json) {
        this.validator = validator;
        this.registration = registration;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        var enterprise = registration.applicantEnterprise();
        OrderApplication application = validator.validate(execution.getVariables());
        Map<String, Object> normalized = new LinkedHashMap<>();
        normalized.put("counterparty", application.counterparty());
        normalized.put("contractNumber", application.contractNumber());
        normalized.put("signingDate", application.signingDate().toString());
        normalized.put("orderAmount", Money.format(application.orderAmount()));
        normalized.put("executionEvidence", application.executionEvidence());
        registration.open(execution, enterprise, new NewApplication(MEASURE, "contractNumber",
                application.contractNumber(), "合同", "contract", json.writeValueAsString(normalized),
                application.orderAmount()));
        // the rule task and the forms read these normalized values; orderAmount stays an exact decimal
        execution.setVariables(normalized);
        execution.setVariable("orderAmount", application.orderAmount());
        execution.setVariable("orderAmountText", Money.format(application.orderAmount()));
    }
}
