package cn.huiqi.enterprise;

import java.util.Locale;

import cn.huiqi.common.InvalidInputException;

/**
 * The Unified Social Credit Code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-symbol
 * alphabet, the last one a check character over the first 17.
 */
public final class Uscc {

    public static final int LENGTH = 18;
    /** The symbols in order of their value 0..30; I, O, S, V and Z never occur. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MOD = ALPHABET.length();
    /** W_i = 3^(i-1) mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String FIELD = "uscc";

    private Uscc() {
    }

    /** Trims, converts full-width characters to half-width, upper-cases, then checks; returns the 18-char code. */
    public static String normalize(String raw) {
        String code = normalizeIgnoringCheck(raw);
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        if (actual != expected) {
            throw new InvalidInputException(FIELD,
                    "统一社会信用代码校验码错误：第18位“" + actual + "”与前17位不符，请核对是否有字符录入错误",
                    "The check character (18th) '" + actual
                            + "' of the unified social credit code does not match the first 17 characters; please check the code for a typing error");
        }
        return code;
    }

    public static boolean isValid(String raw) {
        try {
            normalize(raw);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** The 18th character for 17 characters of the alphabet. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("17 characters expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character at position " + (i + 1) + ": " + first17);
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((MOD - sum % MOD) % MOD);
    }

    /**
     * Like {@link #normalize}, but accepts a wrong check character (pre-standard pilot codes, an officer's
     * recorded override); length and alphabet are still enforced.
     */
    public static String normalizeIgnoringCheck(String raw) {
        String code = halfWidth(raw == null ? "" : raw).strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidInputException(FIELD, "统一社会信用代码不能为空", "The unified social credit code is required");
        }
        int[] chars = code.codePoints().toArray();
        if (chars.length != LENGTH) {
            throw new InvalidInputException(FIELD,
                    "统一社会信用代码应为18位，实际为" + chars.length + "位",
                    "The unified social credit code must be 18 characters long, but has " + chars.length);
        }
        for (int i = 0; i < chars.length; i++) {
            if (ALPHABET.indexOf(chars[i]) < 0) {
                String shown = describe(chars[i]);
                boolean check = i == LENGTH - 1;
                throw new InvalidInputException(FIELD,
                        "统一社会信用代码第" + (i + 1) + "位" + (check ? "（校验码）" : "") + "的字符" + shown
                                + "无效：只能是数字0-9和大写字母ABCDEFGHJKLMNPQRTUWXY（不会出现I、O、S、V、Z）",
                        "Character " + shown + " at position " + (i + 1) + (check ? " (the check character)" : "")
                                + " of the unified social credit code is not allowed: only 0-9 and ABCDEFGHJKLMNPQRTUWXY occur (never I, O, S, V or Z)");
            }
        }
        return code;
    }

    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** "I"; anything beyond printable ASCII also gets its code point, e.g. a full-width or invisible character. */
    private static String describe(int codePoint) {
        String text = new String(Character.toChars(codePoint));
        if (codePoint > 0x20 && codePoint < 0x7F) {
            return "\"" + text + "\"";
        }
        return "\"" + text + "\" (U+" + String.format("%04X", codePoint) + ")";
    }
}
