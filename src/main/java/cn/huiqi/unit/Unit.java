package cn.huiqi.unit;

/**
 * A locality unit (属地), a city unit (责任单位) or a financial institution (金融机构, measure 8: its staff are its group).
 * Its id is also its Camunda / Keycloak group id.
 * A city unit may be a handling unit of enterprise demands (办理单位, measure 7: DMN demand-routing names it) and a
 * liaison unit (联络单位: a vertically managed bureau or a utility, reached through its liaison account). An inactive
 * unit stays for the history but a published routing table may no longer name it. Table unit (V1, flags V43).
 */
public class Unit {

    public enum Kind { LOCALITY, CITY, INSTITUTION }

    private String id;
    private String nameZh;
    private String nameEn;
    private Kind kind;
    private String divisionCode;
    private int sortOrder;
    private boolean handling;
    private boolean liaison;
    private boolean active = true;
    private boolean labelledDefault;
    private boolean maintained;
    private Unit() {
    }

    /** A stored row. */
    static Unit of(String id, String nameZh, String nameEn, Kind kind, String divisionCode, int sortOrder, boolean handling,
                   boolean liaison, boolean active, boolean labelledDefault, boolean maintained) {
        Unit unit = new Unit();
        unit.id = id;
        unit.nameZh = nameZh;
        unit.nameEn = nameEn;
        unit.kind = kind;
        unit.divisionCode = divisionCode;
        unit.sortOrder = sortOrder;
        unit.handling = handling;
        unit.liaison = liaison;
        unit.active = active;
        unit.labelledDefault = labelledDefault;
        unit.maintained = maintained;
        return unit;
    }

    /** A new handling unit an administrator adds (a city unit; not a labelled default: someone decided it). */
    static Unit handlingUnit(String id, String nameZh, String nameEn, boolean liaison, int sortOrder) {
        Unit unit = new Unit();
        unit.id = id;
        unit.nameZh = nameZh;
        unit.nameEn = nameEn;
        unit.kind = Kind.CITY;
        unit.sortOrder = sortOrder;
        unit.handling = true;
        unit.liaison = liaison;
        unit.active = true;
        unit.maintained = true;
        return unit;
    }

    /** A financial institution's unit (measure 8): administrators and 市金融办 maintain it through the financing module. */
    static Unit institution(String id, String nameZh, String nameEn, int sortOrder) {
        Unit unit = new Unit();
        unit.id = id;
        unit.nameZh = nameZh;
        unit.nameEn = nameEn;
        unit.kind = Kind.INSTITUTION;
        unit.sortOrder = sortOrder;
        unit.active = true;
        unit.maintained = true;
        return unit;
    }

    // rename, setActive and setLiaison change the object only: UnitRepository#update writes them

    void rename(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void setLiaison(boolean liaison) {
        this.liaison = liaison;
    }

    public String getId() { return id; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Kind getKind() { return kind; }
    public String getDivisionCode() { return divisionCode; }
    public int getSortOrder() { return sortOrder; }
    public boolean isLocality() { return kind == Kind.LOCALITY; }
    /** 金融机构 (measure 8): never a locality, city unit or handling unit. */
    public boolean isInstitution() { return kind == Kind.INSTITUTION; }
    /** 办理单位: DMN demand-routing may name it. */
    public boolean isHandling() { return handling; }
    /** 联络单位: reached through its liaison account (vertically managed bureau, utility). */
    public boolean isLiaison() { return liaison; }
    public boolean isActive() { return active; }
    /** 系统默认值，待政策部门确认: shipped as a default, not named by the policy. */
    public boolean isLabelledDefault() { return labelledDefault; }
    /** Administrators maintain it (rename, retire): the handling units of V43 and those they added; not the policy's own units. */
    public boolean isMaintained() { return maintained; }
}
