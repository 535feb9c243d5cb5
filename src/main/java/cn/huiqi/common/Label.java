package cn.huiqi.common;

import java.util.Objects;

/** A text shown to people, in Chinese (first) and English: the one bilingual text type. */
public record Label(String zh, String en) {

    public Label {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Label of(String zh, String en) {
        return new Label(zh, en);
    }

    /** "中文 / English", as the timeline and error messages write both. */
    public String both() {
        return zh + " / " + en;
    }
}
