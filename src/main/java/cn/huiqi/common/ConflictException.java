package cn.huiqi.common;

/** The request is valid but the thing it acts on is not in a state that allows it. */
public class ConflictException extends RuntimeException {

    private final transient FieldProblem problem;

    public ConflictException(String field, String zh, String en) {
        super(en);
        this.problem = new FieldProblem(field, zh, en);
    }

    public FieldProblem problem() {
        return problem;
    }
}
