package cn.huiqi.financing;

/**
 * A financial institution taking part in measure 8: a unit (its staff are the group {@code unitId}) with a kind.
 * {@code demo}: a quick-start demo institution, always shown labelled 演示.
 */
public record Institution(String unitId, String nameZh, String nameEn, InstitutionKind kind, boolean active, boolean demo) {
}
