package cn.huiqi.common;

/** A request refused for one reason, stated in Chinese and English (404, 409, ...). */
public abstract class RefusalException extends RuntimeException {

    private final transient FieldProblem problem;

    protected RefusalException(String field, String zh, String en) {
        super(en);
        this.problem = new FieldProblem(field, zh, en);
    }

    public FieldProblem problem() {
        return problem;
    }
}
