package cn.huiqi.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A locality unit (属地) or a city unit (责任单位). Its id is also its Camunda / Keycloak group id. */
@Entity
@Table(name = "unit")
public class Unit {

    public enum Kind { LOCALITY, CITY }

    @Id
    private String id;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "division_code")
    private String divisionCode;
    @Column(name = "sort_order")
    private int sortOrder;

    protected Unit() {
    }

    public String getId() { return id; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Kind getKind() { return kind; }
    public String getDivisionCode() { return divisionCode; }
    public int getSortOrder() { return sortOrder; }
    public boolean isLocality() { return kind == Kind.LOCALITY; }
}
