package cn.huiqi.fund;

/** A pool's stored running balance next to the balance derived from the entries; they must agree. */
public record PoolCheck(String poolId, Figures stored, Figures derived, boolean consistent, boolean withinCap) {
}
