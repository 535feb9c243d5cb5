package cn.huiqi.rules;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.ApplicationTypes;
import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.claim.RewardClaim;
import cn.huiqi.claim.RewardClaims;

/**
 * The variables a rule task saw when it decided a case, rebuilt from the record (see docs/rules.md):
 * <ol>
 * <li>the case's simple process variables (strings, numbers, booleans, dates) from history, except the
 * ones written at or after the decision ({@link #WRITTEN_LATER});</li>
 * <li>the case record: {@code measure}, {@code localityUnit}, {@code caseNumber};</li>
 * <li>the validated application ({@code case_record.application_json}), which wins: it is what the
 * applicant's checks produced and the start variables were made from. Its amounts (orderAmount,
 * taxableRevenue, priorYearRevenue, equipmentInvestment) become exact BigDecimals, as in the process;</li>
 * <li>what the measure keeps outside the application ({@code ApplicationType.decisionInputs}), which wins last:
 * measure 1's figures of its counted orders as they stand now (all listed orders before verification,
 * the accepted ones after), exactly what a re-decision would evaluate; measure 3's {@code equipmentInvestment},
 * the case's {@code claimed_amount} (the same figure, taken from the project library when the case was opened).</li>
 * </ol>
 */
@Component
class CaseInputs {

    static final Set<String> MONEY_FIELDS = Set.of("orderAmount", "taxableRevenue", "priorYearRevenue", "equipmentInvestment");
    static final Set<String> WRITTEN_LATER = Set.of("rewardDecision", "eligible", "rewardAmount", "rewardTier", "ineligibleReason",
            "decisionVersion", "responsibleUnits", "reviewUnits", "leadUnit", "financeUnit", "reviewUnit", "reviewOutcome",
            "verificationDecision", "cityDecision", "decision", "comment", "paymentReference", "paymentDate", "supplement");

    private final HistoryService historyService;
    private final ObjectMapper json;
    private final ApplicationTypes types;
    private final RewardClaims claims;

    CaseInputs(HistoryService historyService, ObjectMapper json, ApplicationTypes types, RewardClaims claims) {
        this.historyService = historyService;
        this.json = json;
        this.types = types;
        this.claims = claims;
    }

    /** Variables per case id, for all cases at once (one history query per 500 process instances). */
    Map<Long, Map<String, Object>> of(List<CaseRecord> cases) {
        Map<String, Map<String, Object>> byProcess = new HashMap<>();
        List<String> processIds = cases.stream().map(CaseRecord::getProcessInstanceId).filter(id -> id != null).toList();
        for (int from = 0; from < processIds.size(); from += 500) {
            List<String> chunk = processIds.subList(from, Math.min(processIds.size(), from + 500));
            List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new)).disableCustomObjectDeserialization().list();
            for (HistoricVariableInstance variable : variables) {
                if (variable.getTypedValue() == null || variable.getTypedValue().getType() == null
                        || !variable.getTypedValue().getType().isPrimitiveValueType()) {
                    continue; // objects (e.g. the rule result map) are not deserialized here, and not inputs
                }
                Object value = variable.getTypedValue().getValue();
                boolean simple = value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date;
                if (simple && !WRITTEN_LATER.contains(variable.getName())) {
                    byProcess.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
                            .putIfAbsent(variable.getName(), value);
                }
            }
        }
        Map<Long, Map<String, Object>> result = new HashMap<>();
        for (CaseRecord caseRecord : cases) {
            Map<String, Object> variables = new HashMap<>(byProcess.getOrDefault(caseRecord.getProcessInstanceId(), Map.of()));
            variables.put("measure", caseRecord.getMeasure());
            variables.put("localityUnit", caseRecord.getLocalityUnitId());
            variables.put("caseNumber", caseRecord.getCaseNumber());
            variables.putAll(application(caseRecord));
            types.forMeasure(caseRecord.getMeasure()).ifPresent(type -> variables.putAll(type.decisionInputs(caseRecord)));
            result.put(caseRecord.getId(), variables);
        }
        return result;
    }

    private Map<String, Object> application(CaseRecord caseRecord) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(caseRecord.getApplicationJson(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + caseRecord.getCaseNumber() + " holds unreadable application JSON", e);
        }
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (MONEY_FIELDS.contains(name)) {
                variables.put(name, new BigDecimal(value.toString()));
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                variables.put(name, value);
            }
        });
        return variables;
    }
}
