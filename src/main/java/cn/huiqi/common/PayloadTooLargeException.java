package cn.huiqi.common;

/** A request body or uploaded file above its configured limit: 413, nothing stored. */
public class PayloadTooLargeException extends RefusalException {

    public PayloadTooLargeException(String field, String zh, String en) {
        super(field, zh, en);
    }
}
