package cn.huiqi.common;

/** The request is valid but the thing it acts on is not in a state that allows it. */
public class ConflictException extends RefusalException {

    public ConflictException(String field, String zh, String en) {
        super(field, zh, en);
    }
}
