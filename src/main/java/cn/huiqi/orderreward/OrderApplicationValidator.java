package cn.huiqi.orderreward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.huiqi.common.FieldChecks;

/**
 * Server-side check of a measure 1 application, the same for the Tasklist start form and the REST
 * API: one to {@value #MAX_ORDERS} orders, each complete, signed inside the policy's window
 * ({@link OrderWindow}), no contract twice. Which tier the orders reach is for the DMN table.
 */
@Component
public class OrderApplicationValidator {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Enough for any enterprise's qualifying orders; keeps the case's application record within its column. */
    static final int MAX_ORDERS = 10;

    private final JsonLists jsonLists;

    public OrderApplicationValidator(JsonLists jsonLists) {
        this.jsonLists = jsonLists;
    }

    public OrderApplication validate(Map<String, ?> input) {
        FieldChecks checks = new FieldChecks();
        List<Map<String, Object>> rows = jsonLists.read(input.get("orders"), "orders");
        if (rows == null || rows.isEmpty()) {
            checks.add("orders", "请至少填写一笔订单", "List at least one order");
            checks.throwIfAny();
        }
        if (rows.size() > MAX_ORDERS) {
            checks.add("orders", "一份申请最多列 " + MAX_ORDERS + " 笔订单", "An application lists at most " + MAX_ORDERS + " orders");
            checks.throwIfAny();
        }
        List<OrderApplication.Line> lines = new ArrayList<>();
        Map<String, Integer> contracts = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i) == null ? Map.of() : rows.get(i);
            String at = "orders[" + i + "].";
            String zh = "第" + (i + 1) + "笔订单的";
            String en = "Order " + (i + 1) + ": ";
            String counterparty = checks.requiredText(at + "counterparty", row.get("counterparty"), zh + "签约对方", en + "counterparty", 200);
            String contractNumber = checks.requiredText(at + "contractNumber", row.get("contractNumber"), zh + "合同编号",
                    en + "contract number", 64);
            LocalDate signingDate = signingDate(checks, at + "signingDate", row.get("signingDate"), zh, en);
            BigDecimal amount = checks.money(at + "orderAmount", row.get("orderAmount"), zh + "订单金额", en + "order amount");
            String evidence = checks.requiredText(at + "executionEvidence", row.get("executionEvidence"), zh + "落地实施证明",
                    en + "evidence of execution", 2000);
            if (contractNumber != null) {
                contractNumber = contractNumber.replaceAll("\\s+", " ");
                Integer first = contracts.putIfAbsent(ContractNumbers.key(contractNumber), i + 1);
                if (first != null) {
                    checks.add(at + "contractNumber", "合同编号与第" + first + "笔订单相同：同一合同只能列一次",
                            "The same contract number as order " + first + ": a contract is listed once");
                }
            }
            lines.add(new OrderApplication.Line(i + 1, counterparty, contractNumber, signingDate, amount, evidence));
        }
        checks.throwIfAny();
        return new OrderApplication(List.copyOf(lines));
    }

    private static LocalDate signingDate(FieldChecks checks, String field, Object raw, String zh, String en) {
        String text = checks.requiredText(field, raw, zh + "签订日期", en + "signing date", 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(CHINA))) {
                checks.add(field, zh + "签订日期不能晚于今天", en + "the signing date cannot be in the future");
            } else if (!OrderWindow.contains(date)) {
                checks.add(field, zh + "签订日期不在2023年7月1日至9月30日之间：洪府办发〔2023〕81号第1条只奖励此期间签订的订单，请不要列入",
                        en + "not signed between 2023-07-01 and 2023-09-30; clause 1 of 洪府办发〔2023〕81号 rewards only orders signed then, leave it out");
            }
            return date;
        } catch (DateTimeParseException e) {
            checks.add(field, zh + "签订日期格式应为 YYYY-MM-DD，例如 2023-08-15",
                    en + "the signing date must be written YYYY-MM-DD, e.g. 2023-08-15");
            return null;
        }
    }
}
