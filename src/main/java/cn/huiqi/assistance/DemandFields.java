package cn.huiqi.assistance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.huiqi.common.FieldChecks;

/** The checks of a demand's own fields, whichever way it comes in; each refusal bilingual, named by its field. */
final class DemandFields {

    static final int TITLE_MAX = 100;
    static final int DESCRIPTION_MAX = 4000;

    private DemandFields() {
    }

    /** A category by its code (RECRUITMENT) or its Chinese name (用工招工); null after recording why not. */
    static DemandCategory category(FieldChecks checks, String field, Object raw) {
        String text = raw == null ? "" : raw.toString().strip();
        for (DemandCategory category : DemandCategory.values()) {
            if (category.name().equals(text.toUpperCase(Locale.ROOT)) || category.label().zh().equals(text)) {
                return category;
            }
        }
        checks.add(field, "诉求类别应为以下之一：" + choices(DemandCategory.values(), true),
                "The category must be one of: " + choices(DemandCategory.values(), false));
        return null;
    }

    /** Optional scope (LOCALITY / CITY); null when absent or after recording why not. */
    static DemandScope scope(FieldChecks checks, String field, Object raw) {
        String text = raw == null ? "" : raw.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        for (DemandScope scope : DemandScope.values()) {
            if (scope.name().equals(text.toUpperCase(Locale.ROOT)) || scope.label().zh().equals(text)) {
                return scope;
            }
        }
        checks.add(field, "诉求层面应为 LOCALITY（属地层面）或 CITY（市级层面）", "The scope must be LOCALITY or CITY");
        return null;
    }

    /** The utility: required for UTILITIES (ELECTRICITY / WATER / GAS), refused for any other category. */
    static Utility utility(FieldChecks checks, String field, Object raw, DemandCategory category) {
        String text = raw == null ? "" : raw.toString().strip();
        if (category != DemandCategory.UTILITIES) {
            if (!text.isEmpty()) {
                checks.add(field, "只有“水电气要素保障”类诉求填写要素类型", "A utility is given only for a UTILITIES demand");
            }
            return null;
        }
        for (Utility utility : Utility.values()) {
            if (utility.name().equals(text.toUpperCase(Locale.ROOT)) || utility.label().zh().equals(text)) {
                return utility;
            }
        }
        checks.add(field, "“水电气要素保障”类诉求须指明要素类型：ELECTRICITY（供电）、WATER（供水）或 GAS（燃气）",
                "A UTILITIES demand must name the utility: ELECTRICITY, WATER or GAS");
        return null;
    }

    static String title(FieldChecks checks, String field, Object raw) {
        return text(checks, field, raw, "诉求标题", "The title", TITLE_MAX);
    }

    static String description(FieldChecks checks, String field, Object raw) {
        return text(checks, field, raw, "诉求内容", "The description", DESCRIPTION_MAX);
    }

    /** Required text: a JSON string (a number, list or object is refused as such), trimmed, at most max characters. */
    static String text(FieldChecks checks, String field, Object raw, String labelZh, String labelEn, int max) {
        if (raw != null && !(raw instanceof String)) {
            checks.add(field, labelZh + "应为文字", labelEn + " must be text");
            return null;
        }
        return checks.requiredText(field, raw, labelZh, labelEn, max);
    }

    private static String choices(DemandCategory[] values, boolean zh) {
        return Arrays.stream(values).map(c -> c.name() + (zh ? "（" + c.label().zh() + "）" : ""))
                .collect(Collectors.joining(zh ? "、" : ", "));
    }
}
