-- Task lists of a unit (docs/performance.md, "Task lists"): the candidate-group filter of every Tasklist
-- queue (I.TYPE_ = 'candidate' and I.GROUP_ID_ in (...)) is answered from this index alone, and gives the
-- task ids that the per-row authorization check (authorizationCheckRevokes: always) then looks up by key.
create index ACT_IDX_IDENT_LNK_GROUP_TASK on ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);
