package cn.huiqi.common;

/**
 * Text that people send is stored and shown to others (reviewers, notice lists, spreadsheets). Control
 * characters (NUL and the rest of C0/C1 except tab, line feed and carriage return), Unicode direction
 * overrides (which make text read differently than it is stored) and unpaired surrogates (not text at all;
 * utf8mb4 refuses them) are never part of a name, a reason or a comment, so they are refused everywhere.
 */
final class SafeText {

    private SafeText() {
    }

    /** The first refused character as "U+0000", or null when the text is fine. */
    public static String firstRefused(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (refused(c)) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    private static boolean refused(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL
                || Character.isSurrogate(c)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
