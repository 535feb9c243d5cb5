package cn.huiqi.process;

import java.util.OptionalInt;

/**
 * The version of a decision table pinned for a case's process, if any (the case's application round
 * pins the versions its cases are decided by: {@code cn.huiqi.round}). Without a pin the latest version decides.
 */
public interface RulePins {

    OptionalInt pinned(String processInstanceId, String decisionKey);
}
