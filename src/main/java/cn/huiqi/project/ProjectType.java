package cn.huiqi.project;

import java.util.Arrays;
import java.util.Optional;

import cn.huiqi.common.Label;

/** The two kinds of project of measure 3, kept in the database and the API by their code. */
public enum ProjectType {
    NEW("new", Label.of("新建", "New project")),
    RENOVATION("renovation", Label.of("技术改造", "Technical renovation"));

    private final String code;
    private final Label label;

    ProjectType(String code, Label label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public Label label() { return label; }

    public static Optional<ProjectType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
