package cn.huiqi.common;

public class NotFoundException extends RefusalException {

    public NotFoundException(String field, String zh, String en) {
        super(field, zh, en);
    }
}
