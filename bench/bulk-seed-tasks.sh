#!/usr/bin/env bash
# Bulk seeder for the task-list figures (docs/performance.md, "Task lists"): tops a seeded database up to
# K open tasks in one locality's queue in minutes, by cloning the engine's own rows of the process instances
# that the API seeding (bench/run.sh --seed-only) created.
#
#   bench/bulk-seed-tasks.sh DATABASE K [GROUP]      # GROUP defaults to donghu
#   bench/bulk-seed-tasks.sh DATABASE --spread donghu=8000,xihu=4500,gxj=14000,...   # several queues
#   bench/bulk-seed-tasks.sh DATABASE --realistic     # 100,000 over the 13 localities and 7 city units
#
# A GROUP without an open task of its own is filled from the open tasks of TEMPLATE_GROUP (default donghu):
# the clones' candidate links and automatic authorizations name GROUP instead (the same process definition,
# as a measure's locality verification is one definition whose candidate group is the case's locality).
#
# What is cloned, per copy of each template instance (every root process instance that has an open
# candidate task of GROUP), with fresh time-based UUIDs (MariaDB's UUID(), the same kind of id as the
# engine's StrongUuidGenerator) and every reference between the copied rows rewritten to the new ids:
#   ACT_RU_EXECUTION      every execution of the instance tree (root, call-activity sub-instance, scopes)
#   ACT_RU_TASK           its open tasks
#   ACT_RU_IDENTITYLINK   the tasks' candidate links
#   ACT_RU_AUTHORIZATION  the engine's automatic per-task authorizations (RESOURCE_TYPE_ 7, RESOURCE_ID_ = task)
#   ACT_RU_VARIABLE       the instances' variables (the REST task list resolves each task's form key from them)
#   ACT_GE_BYTEARRAY      the byte arrays of those variables
# Not cloned: history, jobs, event subscriptions and Huiqi's own case tables. The clones are therefore only good for
# what reads the tables above (the task list and count, with and without authorization); they are not cases
# and must never be worked on. Use a bench database only (the driver's huiqi_bench_app / _baseline).
set -euo pipefail
DB=${1:?database}
# 100,000 open tasks as a city might hold them: donghu ~8 %, the other 12 localities 4,500 each, the two
# reviewing bureaus (every measure-1 case passes gxj and swj) 14,000 and 12,000, the other city units 2,400 each
REALISTIC=donghu=8000,xihu=4500,qingyunpu=4500,qingshanhu=4500,xinjian=4500,honggutan=4500,nanchangxian=4500
REALISTIC+=,anyi=4500,jinxian=4500,gaoxin=4500,jingkai=4500,xiaolan=4500,wanli=4500,gxj=14000,swj=12000
REALISTIC+=,czj=2400,jrb=2400,zxqyj=2400,ctjt=2400,szxbm=2400
if [[ "${2:-}" == --realistic ]]; then set -- "$DB" --spread "$REALISTIC"; fi
if [[ "${2:-}" == --spread ]]; then
  IFS=, read -ra queues <<< "${3:?GROUP=K,GROUP=K,...}"
  for queue in "${queues[@]}"; do "$0" "$DB" "${queue#*=}" "${queue%%=*}"; done
  exit 0
fi
K=${2:?number of open tasks wanted}
GROUP=${3:-donghu}
TEMPLATE_GROUP=${TEMPLATE_GROUP:-donghu}
BENCH_DB_HOST=${BENCH_DB_HOST:-127.0.0.1:3306}
MYSQL=(mysql -h"${BENCH_DB_HOST%:*}" -P"${BENCH_DB_HOST##*:}" -u"${BENCH_DB_ROOT_USER:-root}")
[[ -n "${BENCH_DB_ROOT_PASSWORD:-}" ]] && MYSQL+=(-p"$BENCH_DB_ROOT_PASSWORD")
MYSQL+=(-N -B "$DB")

open_tasks() {
  "${MYSQL[@]}" -e "select count(distinct T.ID_) from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_
                    where I.TYPE_ = 'candidate' and I.GROUP_ID_ = '$GROUP' and T.ASSIGNEE_ is null"
}

# templates: the root instances of GROUP's open candidate tasks as the API seeding left them (clones excluded);
# a GROUP with none is filled from TEMPLATE_GROUP's, renamed
"${MYSQL[@]}" -e "create table if not exists BENCH_CLONED (ID_ varchar(64) collate utf8mb4_bin primary key) engine=InnoDB"
pick_templates() {
  "${MYSQL[@]}" <<SQL
create or replace table BENCH_CLONE_TEMPLATE (ROOT_ID_ varchar(64) collate utf8mb4_bin primary key) engine=InnoDB;
insert ignore into BENCH_CLONE_TEMPLATE
  select distinct E.ROOT_PROC_INST_ID_
  from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_
  join ACT_RU_EXECUTION E on E.ID_ = T.PROC_INST_ID_
  where I.TYPE_ = 'candidate' and I.GROUP_ID_ = '$1' and T.ASSIGNEE_ is null
    and E.ROOT_PROC_INST_ID_ not in (select ID_ from BENCH_CLONED);
SQL
  "${MYSQL[@]}" -e "select count(*) from BENCH_CLONE_TEMPLATE"
}
FROM=$GROUP
if [[ "$(pick_templates "$GROUP")" -eq 0 ]]; then FROM=$TEMPLATE_GROUP; pick_templates "$FROM" > /dev/null; fi
templates=$("${MYSQL[@]}" -e "select count(*) from BENCH_CLONE_TEMPLATE")
[[ "$templates" -gt 0 ]] || { echo "no open $FROM task to clone in $DB: seed a few through the API first"; exit 1; }

start=$(date +%s)
open=$(open_tasks)
while [[ "$open" -lt "$K" ]]; do
  missing=$((K - open))
  # one batch clones each template up to C times (at most ~5,000 tasks a batch, one transaction)
  copies=$(( (missing + templates - 1) / templates ))
  max=$(( 5000 / templates )); [[ "$max" -lt 1 ]] && max=1
  [[ "$copies" -gt "$max" ]] && copies=$max
  "${MYSQL[@]}" <<SQL
set foreign_key_checks = 0;  -- parents and children of one copy arrive in the same statement
set max_recursive_iterations = 1000000;  -- a queue filled from few templates needs more copies than the default 1,000
start transaction;
create temporary table CLONE_N (N int primary key);
insert into CLONE_N with recursive S(N) as (select 1 union all select N + 1 from S where N < $copies) select N from S;
-- every execution of the template trees (only process instances carry ROOT_PROC_INST_ID_)
create temporary table CLONE_EXEC (ID_ varchar(64) collate utf8mb4_bin primary key);
insert into CLONE_EXEC
  select E.ID_ from ACT_RU_EXECUTION E where E.PROC_INST_ID_ in
    (select PI.ID_ from ACT_RU_EXECUTION PI join BENCH_CLONE_TEMPLATE P on P.ROOT_ID_ = PI.ROOT_PROC_INST_ID_);
-- old id -> new id, per copy, for every execution and task of the template trees
create temporary table CLONE_MAP (N int, OLD_ID varchar(64) collate utf8mb4_bin, NEW_ID varchar(64) collate utf8mb4_bin,
  -- OLD_ID first: led by N, MariaDB took N alone for a selective prefix (statistics of a temporary table) and joined
  -- copies x rows per row, minutes per batch from about 10,000 tasks on
  primary key (OLD_ID, N));
insert into CLONE_MAP
  select C.N, X.ID_, uuid() from CLONE_EXEC X cross join CLONE_N C;
insert into CLONE_MAP
  select C.N, T.ID_, uuid() from ACT_RU_TASK T join CLONE_EXEC X on X.ID_ = T.EXECUTION_ID_ cross join CLONE_N C;
insert into CLONE_MAP
  select C.N, V.BYTEARRAY_ID_, uuid() from ACT_RU_VARIABLE V join CLONE_EXEC X on X.ID_ = V.EXECUTION_ID_
  cross join CLONE_N C where V.BYTEARRAY_ID_ is not null;
create temporary table CLONE_MAP2 like CLONE_MAP;
insert into CLONE_MAP2 select * from CLONE_MAP;
create temporary table CLONE_MAP3 like CLONE_MAP;
insert into CLONE_MAP3 select * from CLONE_MAP;
create temporary table CLONE_MAP4 like CLONE_MAP;
insert into CLONE_MAP4 select * from CLONE_MAP;
create temporary table CLONE_MAP5 like CLONE_MAP;
insert into CLONE_MAP5 select * from CLONE_MAP;

insert into ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PARENT_ID_,
    PROC_DEF_ID_, SUPER_EXEC_, SUPER_CASE_EXEC_, CASE_INST_ID_, ACT_ID_, ACT_INST_ID_, IS_ACTIVE_, IS_CONCURRENT_,
    IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_, SEQUENCE_COUNTER_, TENANT_ID_, PROC_DEF_KEY_)
  select M.NEW_ID, E.REV_, MR.NEW_ID, MP.NEW_ID, E.BUSINESS_KEY_, MPA.NEW_ID, E.PROC_DEF_ID_, MS.NEW_ID,
         E.SUPER_CASE_EXEC_, E.CASE_INST_ID_, E.ACT_ID_, E.ACT_INST_ID_, E.IS_ACTIVE_, E.IS_CONCURRENT_,
         E.IS_SCOPE_, E.IS_EVENT_SCOPE_, E.SUSPENSION_STATE_, E.CACHED_ENT_STATE_, E.SEQUENCE_COUNTER_,
         E.TENANT_ID_, E.PROC_DEF_KEY_
  from ACT_RU_EXECUTION E join CLONE_EXEC X on X.ID_ = E.ID_
  join CLONE_MAP M on M.OLD_ID = E.ID_
  left join CLONE_MAP2 MR on MR.N = M.N and MR.OLD_ID = E.ROOT_PROC_INST_ID_
  join CLONE_MAP3 MP on MP.N = M.N and MP.OLD_ID = E.PROC_INST_ID_
  left join CLONE_MAP4 MPA on MPA.N = M.N and MPA.OLD_ID = E.PARENT_ID_
  left join CLONE_MAP5 MS on MS.N = M.N and MS.OLD_ID = E.SUPER_EXEC_;

insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, CASE_EXECUTION_ID_, CASE_INST_ID_,
    CASE_DEF_ID_, NAME_, PARENT_TASK_ID_, DESCRIPTION_, TASK_DEF_KEY_, OWNER_, ASSIGNEE_, DELEGATION_, PRIORITY_,
    CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_, TENANT_ID_, TASK_STATE_)
  select M.NEW_ID, T.REV_, ME.NEW_ID, MP.NEW_ID, T.PROC_DEF_ID_, T.CASE_EXECUTION_ID_, T.CASE_INST_ID_,
         T.CASE_DEF_ID_, T.NAME_, T.PARENT_TASK_ID_, T.DESCRIPTION_, T.TASK_DEF_KEY_, T.OWNER_, T.ASSIGNEE_,
         T.DELEGATION_, T.PRIORITY_, T.CREATE_TIME_, T.LAST_UPDATED_, T.DUE_DATE_, T.FOLLOW_UP_DATE_,
         T.SUSPENSION_STATE_, T.TENANT_ID_, T.TASK_STATE_
  from ACT_RU_TASK T join CLONE_MAP M on M.OLD_ID = T.ID_
  join CLONE_MAP2 ME on ME.N = M.N and ME.OLD_ID = T.EXECUTION_ID_
  join CLONE_MAP3 MP on MP.N = M.N and MP.OLD_ID = T.PROC_INST_ID_;

insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_, PROC_DEF_ID_, TENANT_ID_)
  select uuid(), L.REV_, if(L.GROUP_ID_ = '$FROM', '$GROUP', L.GROUP_ID_), L.TYPE_, L.USER_ID_, M.NEW_ID, L.PROC_DEF_ID_, L.TENANT_ID_
  from ACT_RU_IDENTITYLINK L join CLONE_MAP M on M.OLD_ID = L.TASK_ID_;

insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_,
    REMOVAL_TIME_, ROOT_PROC_INST_ID_)
  select uuid(), A.REV_, A.TYPE_, if(A.GROUP_ID_ = '$FROM', '$GROUP', A.GROUP_ID_), A.USER_ID_, A.RESOURCE_TYPE_, M.NEW_ID, A.PERMS_,
         A.REMOVAL_TIME_, MR.NEW_ID
  from ACT_RU_AUTHORIZATION A join CLONE_MAP M on M.OLD_ID = A.RESOURCE_ID_ and A.RESOURCE_TYPE_ = 7
  left join CLONE_MAP2 MR on MR.N = M.N and MR.OLD_ID = A.ROOT_PROC_INST_ID_;

-- the variables (Tasklist and the REST task list resolve each task's form key from them) and their byte arrays
insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, DEPLOYMENT_ID_, BYTES_, GENERATED_, TENANT_ID_, TYPE_, CREATE_TIME_,
    ROOT_PROC_INST_ID_, REMOVAL_TIME_)
  select M.NEW_ID, B.REV_, B.NAME_, B.DEPLOYMENT_ID_, B.BYTES_, B.GENERATED_, B.TENANT_ID_, B.TYPE_, B.CREATE_TIME_,
         MR.NEW_ID, B.REMOVAL_TIME_
  from ACT_GE_BYTEARRAY B join CLONE_MAP M on M.OLD_ID = B.ID_
  left join CLONE_MAP2 MR on MR.N = M.N and MR.OLD_ID = B.ROOT_PROC_INST_ID_;

insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, CASE_EXECUTION_ID_,
    CASE_INST_ID_, TASK_ID_, BATCH_ID_, BYTEARRAY_ID_, DOUBLE_, LONG_, TEXT_, TEXT2_, VAR_SCOPE_, SEQUENCE_COUNTER_,
    IS_CONCURRENT_LOCAL_, TENANT_ID_)
  select uuid(), V.REV_, V.TYPE_, V.NAME_, ME.NEW_ID, MP.NEW_ID, V.PROC_DEF_ID_, V.CASE_EXECUTION_ID_,
         V.CASE_INST_ID_, MT.NEW_ID, V.BATCH_ID_, MB.NEW_ID, V.DOUBLE_, V.LONG_, V.TEXT_, V.TEXT2_, MS.NEW_ID,
         V.SEQUENCE_COUNTER_, V.IS_CONCURRENT_LOCAL_, V.TENANT_ID_
  from ACT_RU_VARIABLE V join CLONE_MAP ME on ME.OLD_ID = V.EXECUTION_ID_
  join CLONE_MAP2 MP on MP.N = ME.N and MP.OLD_ID = V.PROC_INST_ID_
  left join CLONE_MAP3 MT on MT.N = ME.N and MT.OLD_ID = V.TASK_ID_
  left join CLONE_MAP4 MB on MB.N = ME.N and MB.OLD_ID = V.BYTEARRAY_ID_
  left join CLONE_MAP5 MS on MS.N = ME.N and MS.OLD_ID = V.VAR_SCOPE_;

insert ignore into BENCH_CLONED select M.NEW_ID from CLONE_MAP M join BENCH_CLONE_TEMPLATE P on P.ROOT_ID_ = M.OLD_ID;
commit;
SQL
  open=$(open_tasks)
  echo "[bulk-seed] $DB: $open open $GROUP tasks ($(( $(date +%s) - start )) s)"
done
"${MYSQL[@]}" -e "analyze table ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION" > /dev/null
echo "[bulk-seed] $DB: $open open $GROUP tasks in $(( $(date +%s) - start )) s"
