package cn.huiqi.casefile;

import cn.huiqi.common.Label;

/**
 * A status a case can be in. Which statuses a case may take comes from its measure: each
 * {@link CaseLifecycle} is an enum of these (rewards: {@link RewardStatus}); {@link CaseLifecycles}
 * refuses a status its measure's lifecycle does not have. Stored by {@link #name()}.
 */
public interface CaseStatus {

    String name();

    Label label();

    /** Nothing happens to the case any more. */
    boolean isFinal();

    default String zh() { return label().zh(); }

    default String en() { return label().en(); }
}
