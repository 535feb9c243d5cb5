package cn.huiqi.rules;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.common.Money;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.process.RuleVersions;

/** The forms show the amount from process variables: after a re-decision the case's instance and its review chain get the new one. */
@Component
class CaseFormFigures {

    private final RuntimeService runtimeService;
    private final EngineAsSystem system;

    CaseFormFigures(RuntimeService runtimeService, EngineAsSystem system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    void update(CaseRecord caseRecord, int version, WhatIfRunner.Outcome outcome) {
        if (caseRecord.getProcessInstanceId() == null) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("rewardAmount", Money.format(outcome.amount()));
        variables.put(RuleVersions.PINNED_VERSION, version);
        system.call(() -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(caseRecord.getProcessInstanceId()).count() > 0) {
                runtimeService.setVariables(caseRecord.getProcessInstanceId(), variables);
            }
            // the review chain is given only the amount (Tasklist shows it), as the call activity maps it in
            for (ProcessInstance chain : runtimeService.createProcessInstanceQuery()
                    .superProcessInstanceId(caseRecord.getProcessInstanceId()).list()) {
                runtimeService.setVariable(chain.getId(), "rewardAmount", variables.get("rewardAmount"));
            }
            return null;
        });
    }
}
