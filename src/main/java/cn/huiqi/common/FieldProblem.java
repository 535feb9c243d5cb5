package cn.huiqi.common;

/** One reason why one input field was refused, in Chinese and in English. */
public record FieldProblem(String field, String zh, String en) {

    @Override
    public String toString() {
        return field + ": " + zh + " / " + en;
    }
}
