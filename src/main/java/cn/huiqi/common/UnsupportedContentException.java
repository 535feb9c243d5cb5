package cn.huiqi.common;

/** Content of a type the endpoint does not take (e.g. an upload that is no PDF, OFD, JPG or PNG): 415, nothing stored. */
public class UnsupportedContentException extends RefusalException {

    public UnsupportedContentException(String field, String zh, String en) {
        super(field, zh, en);
    }
}
