package cn.huiqi.guide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.huiqi.catalogue.ApplicantKind;
import cn.huiqi.catalogue.Measure;
import cn.huiqi.catalogue.MeasureCatalogue;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.Label;
import cn.huiqi.common.Money;
import cn.huiqi.rules.PublishedRules;

/**
 * The policy calculator: the figures an enterprise enters, turned into the inputs each reward table reads (the same
 * names and derivations as the measures' applications: measure 1's largest and total order and its first and last
 * signing dates), evaluated by {@link PublishedRules#calculate} with the version deciding the open round, every rule
 * explained. Stores nothing.
 */
@Service
class PolicyCalculator {

    static final int MAX_ORDERS = 10;
    static final Label DISCLAIMER = Label.of("测算结果仅供参考，不是申请，也不保存；以正式申请经核实、审核后的认定为准",
            "An estimate only: nothing is applied for or stored; the decision on a verified and reviewed application counts");
    private static final Set<String> PROJECT_TYPES = Set.of("new", "renovation");
    /** What a measure's cases check outside its table, said once here (docs/fulfilment.md). */
    private static final Map<String, List<Label>> CHECKED_OUTSIDE = Map.of(
            "order-reward", List.of(Label.of("订单须经属地逐笔核实落地实施，只有核实通过的订单计入", "Only orders the locality verifies as put into execution count")),
            "investment-reward", List.of(Label.of("项目2023年7—9月平均投资进度须超过项目总体平均进度（由项目库计算，本计算器不测算）",
                    "The project's average progress in 2023-07..09 must exceed the overall average (computed from the project library, not here)")));

    private final MeasureCatalogue catalogue;
    private final PublishedRules rules;

    PolicyCalculator(MeasureCatalogue catalogue, PublishedRules rules) {
        this.catalogue = catalogue;
        this.rules = rules;
    }

    CalculatorApi.Answer calculate(CalculatorApi.Figures figures) {
        Map<String, Object> inputs = inputs(figures == null ? new CalculatorApi.Figures(null, null, null, null, null) : figures);
        List<CalculatorApi.MeasureAnswer> answers = new ArrayList<>();
        BigDecimal total = Money.fen(BigDecimal.ZERO);
        for (Measure m : catalogue.all()) {
            CalculatorApi.MeasureAnswer answer = answer(m, inputs);
            answers.add(answer);
            if ("QUALIFIES".equals(answer.status()) && answer.amount() != null) {
                total = total.add(answer.amount());
            }
        }
        return new CalculatorApi.Answer(List.copyOf(answers), total, DISCLAIMER);
    }

    private CalculatorApi.MeasureAnswer answer(Measure m, Map<String, Object> inputs) {
        String apply = m.applicationProcess().map(p -> "/apply.html?measure=" + m.id()).orElse(null);
        if (m.applicant() == ApplicantKind.LOCALITY) {
            return plain(m, "NOT_FOR_ENTERPRISES", Label.of("本措施奖励县区、开发区，企业无需申请", "This measure rewards localities; enterprises do not apply"));
        }
        if (!m.paysMoney() || m.ruleTables().isEmpty()) {
            return plain(m, "NO_MONEY", Label.of("本措施不向企业发放资金", "This measure pays no money to enterprises"));
        }
        String key = m.ruleTables().get(0);
        List<String> missing = missing(key, inputs);
        List<Label> notes = new ArrayList<>(CHECKED_OUTSIDE.getOrDefault(key, List.of()));
        m.policyPoolCap().ifPresent(cap -> notes.add(Label.of("本措施奖励总额不超过" + Money.inWords(cap) + "，超出时结算统一处理（默认按比例缩减）",
                "The measure's rewards total at most " + Money.inWordsEn(cap) + "; settlement applies the cap (pro rata by default)")));
        if (!missing.isEmpty()) {
            return new CalculatorApi.MeasureAnswer(m.id(), m.clause(), m.name(), "MISSING_FIGURES", null,
                    Label.of("填写" + String.join("、", missing.stream().map(s -> s.split("\\|")[0]).toList()) + "后测算",
                            "Enter " + String.join(", ", missing.stream().map(s -> s.split("\\|")[1]).toList()) + " to see"),
                    key, null, null, List.of(), List.copyOf(notes), false, apply);
        }
        PublishedRules.Calculation c = rules.calculate(key, inputs);
        if (c.error() != null) {
            return new CalculatorApi.MeasureAnswer(m.id(), m.clause(), m.name(), "ERROR", null,
                    Label.of("规则未能给出结果：" + c.error(), "The table gave no answer: " + c.error()), key, c.version(), c.roundName(),
                    c.rules(), List.copyOf(notes), false, apply);
        }
        boolean qualifies = Boolean.TRUE.equals(c.eligible());
        String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason();
        String[] why = reason == null ? new String[] {"", ""} : (reason + " / " + reason).split(" / ", 3);
        Label summary = qualifies
                ? Label.of("可获奖励" + Money.inWords(c.amount()) + (c.labelledDefault() ? "（比例为系统默认值，待政策部门确认）" : ""),
                        "A reward of " + Money.inWordsEn(c.amount()) + (c.labelledDefault() ? " (default rate, awaiting confirmation)" : ""))
                : Label.of("不符合奖励条件" + (reason == null ? "" : "：" + why[0]), "Not eligible" + (reason == null ? "" : ": " + why[1]));
        return new CalculatorApi.MeasureAnswer(m.id(), m.clause(), m.name(), qualifies ? "QUALIFIES" : "NOT_QUALIFIED",
                qualifies ? c.amount() : Money.fen(BigDecimal.ZERO), summary, key, c.version(), c.roundName(), c.rules(), List.copyOf(notes),
                c.labelledDefault(), apply);
    }

    private static CalculatorApi.MeasureAnswer plain(Measure m, String status, Label summary) {
        return new CalculatorApi.MeasureAnswer(m.id(), m.clause(), m.name(), status, null, summary, null, null, null, List.of(), List.of(),
                false, m.applicationProcess().map(p -> "/apply.html?measure=" + m.id()).orElse(null));
    }

    /** "中文|English" names of the figures a table needs that were not entered. */
    private static List<String> missing(String key, Map<String, Object> inputs) {
        List<String> missing = new ArrayList<>();
        switch (key) {
            case "order-reward" -> {
                if (!inputs.containsKey("largestOrderAmount")) {
                    missing.add("订单金额与签订日期|the orders' amounts and dates");
                }
            }
            case "growth-reward" -> {
                if (!inputs.containsKey("taxableRevenue")) {
                    missing.add("2023年7—9月应税销售收入|the taxable revenue");
                }
                if (!inputs.containsKey("priorYearRevenue")) {
                    missing.add("上年同期应税销售收入|last year's revenue");
                }
            }
            case "investment-reward" -> {
                if (!inputs.containsKey("projectType")) {
                    missing.add("项目类型|the project type");
                }
                if (!inputs.containsKey("equipmentInvestment")) {
                    missing.add("生产设备投资|the equipment investment");
                }
            }
            default -> missing.add("本计算器尚不支持的数字|figures this calculator does not take yet");
        }
        return missing;
    }

    /** The figures as the tables' inputs; every refused field listed in one bilingual 400. */
    static Map<String, Object> inputs(CalculatorApi.Figures figures) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> inputs = new HashMap<>();
        List<CalculatorApi.Order> orders = figures.orders() == null ? List.of() : figures.orders();
        if (orders.size() > MAX_ORDERS) {
            problems.add(new FieldProblem("orders", "订单最多" + MAX_ORDERS + "笔", "At most " + MAX_ORDERS + " orders"));
        } else if (!orders.isEmpty()) {
            List<BigDecimal> amounts = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                CalculatorApi.Order order = orders.get(i);
                String field = "orders[" + i + "]";
                if (order == null) {
                    problems.add(new FieldProblem(field, "第" + (i + 1) + "笔订单为空", "Order " + (i + 1) + " is empty"));
                    continue;
                }
                amount(order.amount(), field + ".amount", "第" + (i + 1) + "笔订单金额", "The amount of order " + (i + 1), false, problems)
                        .ifPresent(amounts::add);
                try {
                    if (order.signedOn() == null || order.signedOn().isBlank()) {
                        problems.add(new FieldProblem(field + ".signedOn", "第" + (i + 1) + "笔订单的签订日期不能为空", "The signing date of order " + (i + 1) + " is required"));
                    } else {
                        dates.add(LocalDate.parse(order.signedOn().strip()));
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem(field + ".signedOn", "第" + (i + 1) + "笔订单的签订日期须为 YYYY-MM-DD",
                            "The signing date of order " + (i + 1) + " must be YYYY-MM-DD"));
                }
            }
            if (problems.isEmpty()) {
                inputs.put("largestOrderAmount", Money.fen(amounts.stream().max(Comparator.naturalOrder()).orElseThrow()));
                inputs.put("totalOrderAmount", Money.fen(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
                inputs.put("earliestSigningDate", dates.stream().min(Comparator.naturalOrder()).orElseThrow().toString());
                inputs.put("latestSigningDate", dates.stream().max(Comparator.naturalOrder()).orElseThrow().toString());
                inputs.put("orderCount", amounts.size());
            }
        }
        amount(figures.taxableRevenue(), "taxableRevenue", "2023年7—9月应税销售收入", "The taxable revenue", true, problems)
                .ifPresent(v -> inputs.put("taxableRevenue", v));
        amount(figures.priorYearRevenue(), "priorYearRevenue", "上年同期应税销售收入", "Last year's revenue", true, problems)
                .ifPresent(v -> inputs.put("priorYearRevenue", v));
        if (figures.projectType() != null && !figures.projectType().isBlank()) {
            if (PROJECT_TYPES.contains(figures.projectType().strip())) {
                inputs.put("projectType", figures.projectType().strip());
            } else {
                problems.add(new FieldProblem("projectType", "项目类型须为 new（新建项目）或 renovation（技术改造项目）",
                        "The project type must be new or renovation"));
            }
        }
        amount(figures.equipmentInvestment(), "equipmentInvestment", "生产设备投资", "The equipment investment", true, problems)
                .ifPresent(v -> inputs.put("equipmentInvestment", v));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return inputs;
    }

    private static java.util.Optional<BigDecimal> amount(String raw, String field, String zh, String en, boolean optional, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            if (!optional) {
                problems.add(new FieldProblem(field, zh + "不能为空", en + " is required"));
            }
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Money.parseAllowingZero(raw, field, zh, en));
        } catch (InvalidInputException e) {
            problems.addAll(e.getProblems());
            return java.util.Optional.empty();
        }
    }
}
