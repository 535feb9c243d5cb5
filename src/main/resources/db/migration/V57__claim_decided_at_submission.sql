-- A claim whose decision is the rule task's at submission (on the application as submitted), with no decision
-- recorded since: measure 1's locality verification confirms it when every order is accepted and the version is the
-- one in force, instead of asking the table again (orderreward.OrderRedecision). Any later decision clears it.
ALTER TABLE reward_claim ADD COLUMN decided_at_submission BOOLEAN NOT NULL DEFAULT FALSE;

-- Until now the timeline said so: the rule task's line (RULE_ELIGIBLE / RULE_NOT_ELIGIBLE) and no other line of a
-- rule or a round but a confirmation (a re-decision, re-evaluation or round re-decision, kept or flagged, means the
-- table is asked again).
UPDATE reward_claim SET decided_at_submission = TRUE
WHERE decision_key IS NOT NULL
  AND EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = reward_claim.case_id
              AND e.action IN ('RULE_ELIGIBLE', 'RULE_NOT_ELIGIBLE'))
  AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = reward_claim.case_id
              AND (SUBSTRING(e.action, 1, 5) = 'RULE_' OR SUBSTRING(e.action, 1, 6) = 'ROUND_')
              AND e.action NOT IN ('RULE_ELIGIBLE', 'RULE_NOT_ELIGIBLE', 'RULE_CONFIRMED_ELIGIBLE', 'RULE_CONFIRMED_NOT_ELIGIBLE'));
