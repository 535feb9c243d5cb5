package cn.huiqi.evidence;

import java.util.Objects;

import cn.huiqi.common.Label;

/**
 * One kind of document a measure asks for.
 *
 * @param code     stored with each file, e.g. {@code CONTRACT}
 * @param label    Chinese and English name shown on pages and forms
 * @param required the application is incomplete without at least one file of this kind
 * @param perOrder one (set of) file(s) per order of the application (measure 1), identified by the order's line number
 */
public record DocumentKind(String code, Label label, boolean required, boolean perOrder) {

    public DocumentKind {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new IllegalArgumentException("document kind code " + code + ": upper-case letters, digits, _ (at most 32)");
        }
    }

    public static DocumentKind required(String code, String zh, String en) {
        return new DocumentKind(code, Label.of(zh, en), true, false);
    }

    public static DocumentKind requiredPerOrder(String code, String zh, String en) {
        return new DocumentKind(code, Label.of(zh, en), true, true);
    }

    public static DocumentKind optional(String code, String zh, String en) {
        return new DocumentKind(code, Label.of(zh, en), false, false);
    }
}
