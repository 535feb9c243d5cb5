package cn.huiqi.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import cn.huiqi.casefile.CaseView;
import cn.huiqi.common.Label;
import cn.huiqi.common.Money;
import cn.huiqi.process.EngineAsSystem;
import cn.huiqi.claim.ProvisionalRates;

/**
 * The rule's decision on a case in plain words, read from the very table version that decided it (the case keeps
 * its definition id): the rule whose tier the case got gives the threshold ("1亿元以上", from its input entry), the
 * rate and the cap (from its output entries) and whether a labelled default decided (its description says
 * 系统默认值). E.g. "最大单笔订单金额1.2亿元，达到“1亿元以上”档，奖励10万元". Measures 1-3; another table gets the
 * amount alone.
 */
@Component
class DecisionExplanations {

    /** lines: what counted and what it made; labelledDefault: a ratio the policy does not publish decided. */
    record Explanation(List<Label> lines, boolean labelledDefault) {
    }

    static final Label DEFAULT_NOTE = Label.of("系统默认比例，待政策部门确认", "a system default ratio, awaiting confirmation by policy staff");
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Pattern CAP = Pattern.compile(",\\s*(\\d+(?:\\.\\d+)?)\\s*\\)\\s*$");

    private final RepositoryService repositoryService;
    private final EngineAsSystem engineAsSystem;

    DecisionExplanations(RepositoryService repositoryService, EngineAsSystem engineAsSystem) {
        this.repositoryService = repositoryService;
        this.engineAsSystem = engineAsSystem;
    }

    Explanation of(CaseView view) {
        List<Label> lines = new ArrayList<>();
        if (view.decision() == null || view.eligible() == null) {
            lines.add(Label.of("尚未按规则认定", "Not decided by the rules yet"));
            return new Explanation(lines, false);
        }
        Map<String, Object> application = view.application() == null ? Map.of() : view.application();
        Optional<MatchedRule> rule = Boolean.TRUE.equals(view.eligible()) ? matchedRule(view) : Optional.empty();
        String base = rule.map(MatchedRule::baseInput).orElse(baseInputOf(view.decision().key()));
        BigDecimal baseAmount = facts(base, application, lines);
        if (!Boolean.TRUE.equals(view.eligible())) {
            String reason = view.outcomeReason();
            int slash = reason == null ? -1 : reason.indexOf(" / ");
            lines.add(Label.of("按规则认定：不符合奖励条件" + (reason == null ? "" : "（" + (slash < 0 ? reason : reason.substring(0, slash)) + "）"),
                    "By the rules: not eligible" + (reason == null ? "" : " (" + (slash < 0 ? reason : reason.substring(slash + 3)) + ")")));
            return new Explanation(lines, false);
        }
        BigDecimal reward = view.rewardAmount();
        if (rule.isEmpty() || baseAmount == null) {
            lines.add(Label.of("按规则认定奖励" + Money.inWords(reward), "By the rules: a reward of " + Money.inWordsEn(reward)));
            return new Explanation(lines, false);
        }
        MatchedRule r = rule.get();
        String what = baseName(base);
        StringBuilder zh = new StringBuilder(what.split("\\|")[0] + Money.inWords(baseAmount));
        StringBuilder en = new StringBuilder(what.split("\\|")[1] + " " + Money.inWordsEn(baseAmount));
        if (r.threshold() != null) {
            zh.append("，达到“").append(Money.inWords(r.threshold())).append("以上”档");
            en.append(" reaches the tier \"").append(Money.inWordsEn(r.threshold())).append(" and above\"");
        }
        if (r.rate() != null) {
            String percent = r.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            BigDecimal computed = baseAmount.multiply(r.rate()).setScale(2, RoundingMode.HALF_UP);
            if (r.cap() != null && computed.compareTo(r.cap()) > 0) {
                zh.append("，按").append(percent).append("计为").append(Money.inWords(computed)).append("，超过上限，奖励").append(Money.inWords(reward));
                en.append("; ").append(percent).append(" of it is ").append(Money.inWordsEn(computed)).append(", above the cap: a reward of ")
                        .append(Money.inWordsEn(reward));
            } else {
                zh.append("，按").append(percent).append("奖励").append(Money.inWords(reward));
                en.append("; ").append(percent).append(" of it: a reward of ").append(Money.inWordsEn(reward));
            }
            if (r.cap() != null) {
                zh.append("（最高").append(Money.inWords(r.cap())).append("）");
                en.append(" (at most ").append(Money.inWordsEn(r.cap())).append(")");
            }
        } else {
            zh.append("，奖励").append(Money.inWords(reward));
            en.append(": a reward of ").append(Money.inWordsEn(reward));
        }
        if (r.labelledDefault()) {
            zh.append("（").append(DEFAULT_NOTE.zh()).append("）");
            en.append(" (").append(DEFAULT_NOTE.en()).append(")");
        }
        lines.add(Label.of(zh.toString(), en.toString()));
        return new Explanation(lines, r.labelledDefault());
    }

    /** The facts the table read, as lines; answers the amount of the tier's input. */
    private static BigDecimal facts(String base, Map<String, Object> application, List<Label> lines) {
        switch (base == null ? "" : base) {
            case "largestOrderAmount", "totalOrderAmount" -> {
                Object raw = application.get("orders");
                if (!(raw instanceof Collection<?> orders)) {
                    return null;
                }
                BigDecimal largest = null;
                BigDecimal total = BigDecimal.ZERO;
                int counted = 0;
                for (Object o : orders) {
                    if (!(o instanceof Map<?, ?> order)) {
                        continue;
                    }
                    BigDecimal amount = amount(order.get("orderAmount"));
                    String verification = String.valueOf(order.get("verification"));
                    boolean counts = !"NOT_ACCEPTED".equals(verification);
                    String state = switch (verification) {
                        case "ACCEPTED" -> "核实通过|accepted";
                        case "NOT_ACCEPTED" -> "不予认可，不计入|not accepted, not counted";
                        default -> "待核实|awaiting verification";
                    };
                    lines.add(Label.of("订单" + order.get("line") + "（合同 " + order.get("contractNumber") + "，" + order.get("counterparty") + "）金额"
                                    + Money.inWords(amount) + "，" + state.split("\\|")[0],
                            "Order " + order.get("line") + " (contract " + order.get("contractNumber") + ") of " + Money.inWordsEn(amount)
                                    + ", " + state.split("\\|")[1]));
                    if (counts && amount != null) {
                        counted++;
                        total = total.add(amount);
                        largest = largest == null || amount.compareTo(largest) > 0 ? amount : largest;
                    }
                }
                lines.add(Label.of("计入的订单" + counted + "笔，合计" + Money.inWords(total), counted + " orders counted, in total " + Money.inWordsEn(total)));
                return "totalOrderAmount".equals(base) ? total : largest;
            }
            case "taxableRevenue" -> {
                BigDecimal revenue = amount(application.get("taxableRevenue"));
                BigDecimal prior = amount(application.get("priorYearRevenue"));
                if (revenue != null && prior != null) {
                    lines.add(Label.of("2023年7—9月应税销售收入" + Money.inWords(revenue) + "，上年同期" + Money.inWords(prior) + "，同比增长"
                                    + Money.inWords(revenue.subtract(prior)),
                            "Taxable sales 2023-07..09 " + Money.inWordsEn(revenue) + ", a year before " + Money.inWordsEn(prior)
                                    + ", growth " + Money.inWordsEn(revenue.subtract(prior))));
                }
                return revenue;
            }
            case "equipmentInvestment" -> {
                BigDecimal equipment = amount(application.get("equipmentInvestment"));
                Object type = application.get("projectType");
                String kind = "renovation".equals(type) ? "技术改造项目|renovation project" : "new".equals(type) ? "新建项目|new project" : "项目|project";
                lines.add(Label.of(kind.split("\\|")[0] + "“" + application.get("projectName") + "”2023年7—9月生产设备投资" + Money.inWords(equipment),
                        "The " + kind.split("\\|")[1] + " \"" + application.get("projectName") + "\": production equipment bought 2023-07..09 "
                                + Money.inWordsEn(equipment)));
                return equipment;
            }
            default -> {
                return null;
            }
        }
    }

    private static String baseName(String base) {
        return switch (base) {
            case "largestOrderAmount" -> "最大单笔订单金额|The largest order";
            case "totalOrderAmount" -> "订单合计金额|The orders' total";
            case "taxableRevenue" -> "应税销售收入|Taxable sales";
            case "equipmentInvestment" -> "生产设备投资|The equipment investment";
            default -> "金额|The amount";
        };
    }

    private static String baseInputOf(String decisionKey) {
        return switch (decisionKey) {
            case "order-reward" -> "largestOrderAmount";
            case "growth-reward" -> "taxableRevenue";
            case "investment-reward" -> "equipmentInvestment";
            default -> null;
        };
    }

    private static BigDecimal amount(Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.toString().replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rule of the deciding table version that gave the case its tier. */
    record MatchedRule(String baseInput, BigDecimal threshold, BigDecimal rate, BigDecimal cap, boolean labelledDefault) {
    }

    private Optional<MatchedRule> matchedRule(CaseView view) {
        String definitionId = view.decision().definitionId();
        String tier = view.rewardTier();
        if (definitionId == null || tier == null) {
            return Optional.empty();
        }
        DmnModelInstance model = engineAsSystem.call(() -> repositoryService.getDmnModelInstance(definitionId));
        if (!(model.getModelElementById(view.decision().key()) instanceof Decision decision)
                || !(decision.getExpression() instanceof DecisionTable table)) {
            return Optional.empty();
        }
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        int tierAt = indexOfOutput(outputs, "tier");
        int rateAt = indexOfOutput(outputs, "rate");
        int rewardAt = indexOfOutput(outputs, "rewardAmount");
        String baseInput = baseInputOf(view.decision().key());
        int baseAt = -1;
        for (int i = 0; i < inputs.size(); i++) {
            String expression = inputs.get(i).getInputExpression().getText().getTextContent().strip();
            if (expression.equals(baseInput)) {
                baseAt = i;
            }
        }
        if (tierAt < 0) {
            return Optional.empty();
        }
        for (Rule rule : table.getRules()) {
            List<String> outs = rule.getOutputEntries().stream().map(e -> e.getText().getTextContent().strip()).toList();
            if (!outs.get(tierAt).equals("\"" + tier + "\"")) {
                continue;
            }
            List<String> ins = rule.getInputEntries().stream().map(e -> e.getText().getTextContent().strip()).toList();
            BigDecimal threshold = baseAt < 0 ? null : firstNumber(ins.get(baseAt));
            BigDecimal rate = rateAt < 0 ? null : amount(outs.get(rateAt));
            BigDecimal cap = null;
            if (rewardAt >= 0) {
                Matcher m = CAP.matcher(outs.get(rewardAt));
                cap = m.find() ? new BigDecimal(m.group(1)) : null;
            }
            String description = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
            return Optional.of(new MatchedRule(baseInput, threshold, rate, cap, description.contains(ProvisionalRates.DEFAULT_MARK)));
        }
        return Optional.empty();
    }

    private static int indexOfOutput(List<Output> outputs, String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal firstNumber(String entry) {
        if (entry == null || entry.equals("-") || entry.isEmpty()) {
            return null;
        }
        Matcher m = FIRST_NUMBER.matcher(entry);
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }
}
