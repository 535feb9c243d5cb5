package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;

/**
 * Server-side check of a measure 1 application, the same for the Tasklist start form and the REST
 * API. Whether the order qualifies (window, tiers) is for the DMN table, not for this class: an order
 * outside the window is a valid application that is not eligible, with a reason.
 */
@Component
public class OrderApplicationValidator {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public OrderApplication validate(Map<String, ?> input) {
        FieldChecks checks = new FieldChecks();
        String counterparty = checks.requiredText("counterparty", input.get("counterparty"), "签约对方", "Counterparty", 200);
        String contractNumber = checks.requiredText("contractNumber", input.get("contractNumber"), "合同编号", "Contract number", 64);
        LocalDate signingDate = signingDate(checks, input.get("signingDate"));
        BigDecimal orderAmount = checks.money("orderAmount", input.get("orderAmount"), "订单金额", "Order amount");
        String evidence = checks.requiredText("executionEvidence", input.get("executionEvidence"),
                "落地实施证明", "Evidence of execution", 2000);
        checks.throwIfAny();
        return new OrderApplication(counterparty, contractNumber.replaceAll("\\s+", " "), signingDate, orderAmount, evidence);
    }

    private static LocalDate signingDate(FieldChecks checks, Object raw) {
        String text = checks.requiredText("signingDate", raw, "签订日期", "Signing date", 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(CHINA))) {
                checks.add("signingDate", "签订日期不能晚于今天", "Signing date cannot be in the future");
            }
            return date;
        } catch (DateTimeParseException e) {
            checks.add("signingDate", "签订日期格式应为 YYYY-MM-DD，例如 2023-08-15",
                    "Signing date must be written YYYY-MM-DD, e.g. 2023-08-15");
            return null;
        }
    }
}
