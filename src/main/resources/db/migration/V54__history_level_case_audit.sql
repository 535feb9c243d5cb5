-- The engine's history level 'case-audit' (process.CaseAuditHistoryLevel, id 30): full without the log of every
-- variable write. The engine refuses to start on a level other than the one recorded here; a new database has no
-- row yet (the engine writes it at its first start).
UPDATE ACT_GE_PROPERTY SET VALUE_ = '30' WHERE NAME_ = 'historyLevel';
