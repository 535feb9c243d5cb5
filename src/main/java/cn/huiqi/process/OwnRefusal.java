package cn.huiqi.process;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.huiqi.common.ConflictException;
import cn.huiqi.common.ConflictingInputException;
import cn.huiqi.common.FieldProblem;
import cn.huiqi.common.InvalidInputException;
import cn.huiqi.common.NotFoundException;
import cn.huiqi.common.RefusalException;

/**
 * One of our own refusals ({@link InvalidInputException}, {@link RefusalException}) found in the cause chain of
 * what the engine's REST API caught: the engine wraps it ("Cannot submit task form &lt;task id&gt;: …",
 * "Cannot instantiate process definition &lt;definition id&gt;: …"), but the user is told the bilingual sentence
 * alone, with no field path ("payments[0].paymentReference") and no id.
 */
record OwnRefusal(int status, List<FieldProblem> problems) {

    static OwnRefusal in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return new OwnRefusal(invalid instanceof ConflictingInputException ? 409 : 400, invalid.getProblems());
            }
            if (t instanceof RefusalException refusal) {
                int status = refusal instanceof NotFoundException ? 404 : refusal instanceof ConflictException ? 409 : 400;
                return new OwnRefusal(status, List.of(refusal.problem()));
            }
        }
        return null;
    }

    private static final Pattern ENTRY = Pattern.compile("^(?:.*\\.)?([A-Za-z]+)\\[(\\d{1,6})\\][^\\[]*$");
    private static final Map<String, String[]> ENTRIES = Map.of("orders", new String[] {"笔订单", "Order"},
            "payments", new String[] {"笔支付", "Payment"}, "lines", new String[] {"行", "Line"});

    /**
     * "中文 / English", several joined by "；"; a problem of a list's entry says which one ("第2笔订单：… / Order 2: …"),
     * as the pages do, never the field path.
     */
    String message() {
        return problems.stream().map(OwnRefusal::sentence).collect(Collectors.joining("；"));
    }

    private static String sentence(FieldProblem problem) {
        Matcher entry = problem.field() == null ? null : ENTRY.matcher(problem.field());
        if (entry == null || !entry.matches()) {
            return problem.zh() + " / " + problem.en();
        }
        int n = Integer.parseInt(entry.group(2)) + 1;
        String[] name = ENTRIES.getOrDefault(entry.group(1), new String[] {"项", "Item"});
        return "第" + n + name[0] + "：" + problem.zh() + " / " + name[1] + " " + n + ": " + problem.en();
    }
}
