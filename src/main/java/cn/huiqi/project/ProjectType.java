package cn.huiqi.project;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The two kinds of project of measure 3, kept in the database and the API by their code. */
public enum ProjectType {
    NEW("new", "新建", "New project"),
    RENOVATION("renovation", "技术改造", "Technical renovation");

    private final String code;
    private final String zh;
    private final String en;

    ProjectType(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() { return code; }
    public String zh() { return zh; }
    public String en() { return en; }

    public static Optional<ProjectType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    @Converter
    static class Column implements AttributeConverter<ProjectType, String> {
        @Override
        public String convertToDatabaseColumn(ProjectType type) {
            return type == null ? null : type.code;
        }

        @Override
        public ProjectType convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code).orElseThrow(() -> new IllegalStateException("unknown project type " + code));
        }
    }
}
