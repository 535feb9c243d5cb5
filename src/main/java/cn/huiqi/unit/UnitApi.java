package cn.huiqi.unit;

import java.time.Instant;

/** The bodies of the units' administration (POST/PUT /api/units); fields are read loosely and checked one by one. */
public final class UnitApi {

    private UnitApi() {
    }

    /** A new handling unit: id {@code [a-z][a-z0-9-]{1,30}} (also its group id), Chinese and English name, liaison flag. */
    public record NewUnit(Object id, Object nameZh, Object nameEn, Object liaison) {
    }

    /** A change: new names, active (false = retired), liaison; absent fields stay as they are. */
    public record UnitChange(Object nameZh, Object nameEn, Object active, Object liaison) {
    }

    /** One line of the audit: who changed what, when. */
    public record ChangeView(String unitId, String kind, String oldValue, String newValue, String changedBy, Instant changedAt) {
    }
}
