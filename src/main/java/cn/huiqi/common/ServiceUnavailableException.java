package cn.huiqi.common;

/**
 * A service the request needs (e.g. the S3-compatible store of evidence files) cannot be reached or refuses the
 * application: 503 with what the user can do, nothing stored; the operator's detail goes to the log, one line.
 */
public class ServiceUnavailableException extends RefusalException {

    private final String detail;

    public ServiceUnavailableException(String field, String zh, String en, String detail) {
        super(field, zh, en);
        this.detail = detail;
    }

    /** For the log (never the response): which service and what it answered. */
    public String detail() {
        return detail;
    }
}
