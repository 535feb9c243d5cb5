package cn.huiqi.casefile;

import java.util.Map;

/**
 * Evaluates a measure's reward table on an application's decision inputs without opening a case. Declared here,
 * implemented where the tables are evaluated (rules: the version pinned by the measure's open round), so the
 * preview endpoint needs nothing above the case core.
 */
public interface RewardPreviews {

    ApplicationPreview preview(String measure, Map<String, Object> decisionInputs);
}
