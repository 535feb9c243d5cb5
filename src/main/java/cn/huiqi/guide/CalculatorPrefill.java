package cn.huiqi.guide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.casefile.CaseRecord;
import cn.huiqi.casefile.CaseRecordRepository;
import cn.huiqi.enterprise.Enterprise;
import cn.huiqi.enterprise.EnterpriseRegister;
import cn.huiqi.identity.Caller;
import cn.huiqi.identity.CurrentCaller;

/**
 * The calculator's figures from what the system knows of the signed-in enterprise: its register entry (name) and the
 * applications it submitted (measure 1's orders, measure 2's revenues, measure 3's project type and investment), newest
 * first. Only for the enterprise's own accounts and its agents in force (default deny); figures never leave for anyone else.
 */
@Component
class CalculatorPrefill {

    private final CurrentCaller currentCaller;
    private final EnterpriseRegister register;
    private final CaseRecordRepository cases;
    private final ObjectMapper json;

    CalculatorPrefill(CurrentCaller currentCaller, EnterpriseRegister register, CaseRecordRepository cases, ObjectMapper json) {
        this.currentCaller = currentCaller;
        this.register = register;
        this.cases = cases;
        this.json = json;
    }

    @Transactional(readOnly = true)
    CalculatorApi.Prefill of(Long requested) {
        Caller caller = currentCaller.get();
        List<Enterprise> actedFor = register.actedForBy(caller.userId());
        Enterprise enterprise = requested == null ? actedFor.stream().findFirst().orElse(null)
                : actedFor.stream().filter(e -> e.getId().equals(requested)).findFirst().orElse(null);
        if (enterprise == null) {
            throw new AccessDeniedException(caller.userId() + " acts for no enterprise" + (requested == null ? "" : " " + requested));
        }
        List<CalculatorApi.Order> orders = null;
        String revenue = null;
        String prior = null;
        String projectType = null;
        String equipment = null;
        List<CalculatorApi.Applied> applied = new ArrayList<>();
        for (CaseRecord c : cases.findByEnterpriseIdOrderBySubmittedAtDesc(enterprise.getId())) {
            applied.add(new CalculatorApi.Applied(c.getMeasure(), c.getCaseNumber(), c.getStatus()));
            Map<String, Object> application = application(c);
            switch (c.getMeasure()) {
                case "M1" -> {
                    if (orders == null && application.get("orders") instanceof Collection<?> listed) {
                        orders = new ArrayList<>();
                        for (Object o : listed) {
                            if (o instanceof Map<?, ?> order) {
                                orders.add(new CalculatorApi.Order(plain(order.get("orderAmount")), plain(order.get("signingDate"))));
                            }
                        }
                    }
                }
                case "M2" -> {
                    if (revenue == null) {
                        revenue = plain(application.get("taxableRevenue"));
                        prior = plain(application.get("priorYearRevenue"));
                    }
                }
                case "M3" -> {
                    if (equipment == null) {
                        projectType = plain(application.get("projectType"));
                        equipment = plain(application.get("equipmentInvestment"));
                    }
                }
                default -> {
                }
            }
        }
        return new CalculatorApi.Prefill(enterprise.getId(), enterprise.getName(),
                new CalculatorApi.Figures(orders, revenue, prior, projectType, equipment), List.copyOf(applied));
    }

    private Map<String, Object> application(CaseRecord c) {
        if (c.getApplicationJson() == null) {
            return Map.of();
        }
        try {
            return json.readValue(c.getApplicationJson(), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String plain(Object value) {
        return value == null ? null : value.toString().replace(",", "").strip();
    }
}
