package cn.huiqi.growthreward;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.casefile.ApplicationType;
import cn.huiqi.casefile.NewApplication;
import cn.huiqi.common.FieldChecks;
import cn.huiqi.common.Money;
import cn.huiqi.enterprise.Enterprise;

/**
 * Measure 2 (production growth reward): taxable sales revenue of 2023-07..09 and of the same months
 * of 2022. One application per enterprise for the window. Whether it qualifies is for DMN growth-reward.
 */
@Component
public class GrowthApplicationType implements ApplicationType {

    public static final String MEASURE = GrowthRewardMeasure.ID;
    public static final String PROCESS_KEY = GrowthRewardMeasure.PROCESS_KEY;
    /** the performance window of measures 1-3 (2023年7—9月): the subject of the one allowed application */
    public static final String WINDOW = "2023-07..2023-09";

    @Override
    public String measure() {
        return MEASURE;
    }

    @Override
    public Class<GrowthApplicationRequest> requestType() {
        return GrowthApplicationRequest.class;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public ValidatedApplication validate(Map<String, ?> fields, Enterprise applicant) {
        FieldChecks checks = new FieldChecks();
        BigDecimal revenue = checks.money("taxableRevenue", fields.get("taxableRevenue"),
                "2023年7—9月应税销售收入", "Taxable sales revenue 2023-07..09");
        BigDecimal prior = checks.moneyAllowingZero("priorYearRevenue", fields.get("priorYearRevenue"),
                "2022年7—9月应税销售收入", "Taxable sales revenue 2022-07..09");
        String evidence = checks.requiredText("revenueEvidence", fields.get("revenueEvidence"),
                "收入证明", "Evidence of revenue", 2000);
        checks.throwIfAny();

        Map<String, Object> application = new LinkedHashMap<>();
        application.put("taxableRevenue", Money.format(revenue));
        application.put("priorYearRevenue", Money.format(prior));
        application.put("revenueEvidence", evidence);
        Map<String, Object> variables = new LinkedHashMap<>(application);
        variables.put("taxableRevenue", revenue);
        variables.put("priorYearRevenue", prior);
        variables.put("taxableRevenueText", Money.format(revenue));
        variables.put("priorYearRevenueText", Money.format(prior));
        variables.put("growthText", Money.format(revenue.subtract(prior)));
        return new ValidatedApplication(new NewApplication(MEASURE, "taxableRevenue", WINDOW,
                "考核期（2023年7—9月）", "window (2023-07..09)", application, revenue), variables);
    }
}
