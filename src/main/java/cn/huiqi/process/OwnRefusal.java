package cn.huiqi.process;

import java.util.List;
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

    /** "中文 / English", several joined by "；". */
    String message() {
        return problems.stream().map(p -> p.zh() + " / " + p.en()).collect(Collectors.joining("；"));
    }
}
