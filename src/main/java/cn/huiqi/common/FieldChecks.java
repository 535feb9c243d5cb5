package cn.huiqi.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the problems of one input, so a user sees every refused field at once. */
public class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldChecks add(String field, String zh, String en) {
        problems.add(new FieldProblem(field, zh, en));
        return this;
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Trimmed text of a required field, or null after recording why it is missing or too long. */
    public String requiredText(String field, Object raw, String labelZh, String labelEn, int maxLength) {
        String text = raw == null ? "" : raw.toString().strip();
        if (text.isEmpty()) {
            add(field, labelZh + "不能为空", labelEn + " is required");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            add(field, labelZh + "不能超过" + maxLength + "个字符", labelEn + " must be at most " + maxLength + " characters");
            return null;
        }
        String refused = SafeText.firstRefused(text);
        if (refused != null) {
            add(field, labelZh + "含有不允许的控制字符（" + refused + "）",
                    labelEn + " contains a control character (" + refused + "), which is not allowed");
            return null;
        }
        return text;
    }

    /**
     * A required token of visible ASCII characters (such as an Idempotency-Key), or null after recording
     * why it is missing, too long or not plain ASCII.
     */
    public String asciiToken(String field, Object raw, String labelZh, String labelEn, int maxLength) {
        String text = raw == null ? "" : raw.toString().strip();
        if (text.isEmpty()) {
            add(field, labelZh + "不能为空", labelEn + " is required");
            return null;
        }
        if (text.length() > maxLength || !text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            add(field, labelZh + "只能由至多" + maxLength + "个可见ASCII字符（字母、数字、符号，不含空格）组成",
                    labelEn + " must be at most " + maxLength + " visible ASCII characters (letters, digits, symbols; no spaces)");
            return null;
        }
        return text;
    }

    /** An exact CNY amount greater than zero (see {@link Money#parse}), or null after recording why not. */
    public BigDecimal money(String field, Object raw, String labelZh, String labelEn) {
        return collect(() -> Money.parse(raw, field, labelZh, labelEn));
    }

    /** Like {@link #money}, but 0.00 is accepted. */
    public BigDecimal moneyAllowingZero(String field, Object raw, String labelZh, String labelEn) {
        return collect(() -> Money.parseAllowingZero(raw, field, labelZh, labelEn));
    }

    private <T> T collect(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.getProblems());
            return null;
        }
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
