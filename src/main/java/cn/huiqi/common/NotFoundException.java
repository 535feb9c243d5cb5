package cn.huiqi.common;

public class NotFoundException extends RuntimeException {

    private final transient FieldProblem problem;

    public NotFoundException(String field, String zh, String en) {
        super(en);
        this.problem = new FieldProblem(field, zh, en);
    }

    public FieldProblem problem() {
        return problem;
    }
}
