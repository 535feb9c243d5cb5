package cn.huiqi.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The page, size, sort and order of one list request, checked the same way for every paged list
 * ({@code GET /api/cases}, enterprises, settlements, supervision, projects, the what-if report): {@code page} from 0,
 * {@code size} 1-100 (default 20), {@code sort} one of the list's whitelisted keys, {@code order} asc or desc; each
 * refused parameter is a bilingual problem naming it. The sort key is a name from the whitelist, never a column
 * the caller wrote; the list maps it to its column.
 */
public record ListPaging(int page, int size, String sort, boolean descending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    /** The list's sort keys: the first is the default; {@code descendingByDefault} those newest/largest first. */
    public record Sorts(List<String> keys, List<String> descendingByDefault) {

        public static Sorts of(List<String> keys, List<String> descendingByDefault) {
            return new Sorts(List.copyOf(keys), List.copyOf(descendingByDefault));
        }
    }

    /** The raw parameters, as text, so a bad value is refused by name rather than by a type error. */
    public static ListPaging check(FieldChecks checks, Sorts sorts, String page, String size, String sort, String order) {
        String key = sorts.keys().get(0);
        String sortText = blankToNull(sort);
        if (sortText != null) {
            if (sorts.keys().contains(sortText)) {
                key = sortText;
            } else {
                checks.add("sort", "sort 只能为 " + String.join("、", sorts.keys()),
                        "sort must be one of " + String.join(", ", sorts.keys()));
            }
        }
        String orderText = blankToNull(order);
        if (orderText != null && !orderText.equals("asc") && !orderText.equals("desc")) {
            checks.add("order", "order 只能为 asc 或 desc", "order must be asc or desc");
        }
        boolean descending = orderText == null || checks.has("order") ? sorts.descendingByDefault().contains(key)
                : orderText.equals("desc");
        int pageNumber = whole(checks, "page", page, 0, 0, MAX_PAGE);
        int pageSize = whole(checks, "size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new ListPaging(pageNumber, pageSize, key, descending);
    }

    public String order() {
        return descending ? "desc" : "asc";
    }

    public String direction() {
        return descending ? " DESC" : " ASC";
    }

    public long offset() {
        return (long) page * size;
    }

    /** {@code LIMIT size OFFSET page × size}: both are checked whole numbers, so they are written into the SQL. */
    public String limitOffset() {
        return " LIMIT " + size + " OFFSET " + offset();
    }

    /** Whether a page this deep is past the last row (no page query needed). */
    public boolean beyond(long total) {
        return total <= offset();
    }

    /** The answer every paged list gives: {@code {items, total, page, size, sort, order}}. */
    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, total, page, size, sort, order());
    }

    public record Page<T>(List<T> items, long total, int page, int size, String sort, String order) {
    }

    /** An optional whole-number parameter from {@code min} to {@code max}, or {@code absent}; a problem otherwise. */
    public static int whole(FieldChecks checks, String field, String raw, int absent, int min, int max) {
        String text = blankToNull(raw);
        if (text == null) {
            return absent;
        }
        if (text.matches("-?[0-9]{1,7}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        checks.add(field, field + " 应为 " + min + " 至 " + max + " 的整数", field + " must be a whole number from " + min + " to " + max);
        return absent;
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** {@code text} as a literal inside a LIKE pattern written with {@code ESCAPE '!'}. */
    public static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static final Pattern QUOTABLE = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");

    /** A refused value as a message quotes it: only a short plain word is repeated back. */
    public static String shown(String value) {
        return QUOTABLE.matcher(value).matches() ? "「" + value + "」" : "（所给值 / the value given）";
    }
}
