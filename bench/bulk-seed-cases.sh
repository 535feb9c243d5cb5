#!/usr/bin/env bash
# Bulk seeder for the case-list figures (docs/performance.md, "Lists"): tops a seeded database up to N case records
# in seconds, by SQL, as a city might hold them after a few years of the reward measures. Seeding N cases through the
# API would take hours (Huiqi seeds about 15 a second).
#
#   bench/bulk-seed-cases.sh DATABASE N        # e.g. huiqi_bench_app 100000; run again with a larger N to grow it
#
# Needs a database that bench/run.sh --seed-only seeded (its measure-1 cases are the template: application, claim,
# round). What is written, for each new case i:
#   enterprise     2,000 enterprises "批量基准企业NNNN有限公司" (created once), over the 13 localities as in the task
#                  spread (donghu 16 of 124, the other twelve 9 each); every 2,000th case is the demo enterprise 1
#                  (ent-hongdu's), so an enterprise user has a list of its own
#   case_record    the measures with applications and rewards: M1 45 %, M2 30 %, M3 25 %; review units as
#                  dmn/responsible-units.dmn gives them (M1 gxj,swj; M2, M3 gxj); status mostly settled (PAID 45 %,
#                  NOT_ELIGIBLE about 9 %, REJECTED about 6 %), the rest in each working step; submitted one every
#                  10 minutes back from now; each in its measure's first round; every 97th flagged
#   case_review_unit, reward_claim   as the app writes them (claimed and reward amounts varied)
# Not written: process instances, timeline, ledger. The clones are only good for the lists; never work on them.
# MariaDB only (its seq_1_to_N tables); use a bench database only.
set -euo pipefail
DB=${1:?database}
N=${2:?number of cases wanted}
MYSQL=(mysql -h"${BENCH_DB_HOST:-127.0.0.1}" -P"${BENCH_DB_PORT:-3306}" -u"${BENCH_DB_ROOT_USER:-root}" -N -B "$DB")
[ -z "${BENCH_DB_ROOT_PASSWORD:-}" ] || MYSQL+=(-p"$BENCH_DB_ROOT_PASSWORD")
say() { printf '[bulk-cases] %s\n' "$*"; }

have=$("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_record")
template=$("${MYSQL[@]}" -e "SELECT MIN(id) FROM case_record WHERE measure = 'M1' AND subject_key NOT LIKE 'BULK-%'")
[ "$template" != NULL ] || { say "no measure-1 case to copy in $DB: run bench/run.sh --seed-only first" >&2; exit 1; }
if (( have >= N )); then say "$DB: $have cases already"; exit 0; fi
start=$(date +%s)

"${MYSQL[@]}" <<SQL
CREATE TEMPORARY TABLE bulk_locality (n INT PRIMARY KEY, unit_id VARCHAR(32));
INSERT INTO bulk_locality VALUES (0, 'donghu'), (1, 'xihu'), (2, 'qingyunpu'), (3, 'qingshanhu'), (4, 'xinjian'),
  (5, 'honggutan'), (6, 'nanchangxian'), (7, 'anyi'), (8, 'jinxian'), (9, 'gaoxin'), (10, 'jingkai'), (11, 'xiaolan'),
  (12, 'wanli');
INSERT IGNORE INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at)
SELECT CONCAT('91360100BK', LPAD(s.seq, 8, '0')), CONCAT('批量基准企业', LPAD(s.seq, 4, '0'), '有限公司'), l.unit_id,
       '张三', '13800000000', NOW(6)
FROM seq_1_to_2000 s
JOIN bulk_locality l ON l.n = IF(s.seq % 124 < 16, 0, 1 + (s.seq % 124 - 16) DIV 9);
SQL

"${MYSQL[@]}" <<SQL
SET @base = (SELECT MAX(id) FROM case_record), @have = $have, @n = $N, @now = NOW(6);
SET @first_bulk = (SELECT MIN(id) FROM enterprise WHERE uscc LIKE '91360100BK%');
CREATE TEMPORARY TABLE bulk_case ENGINE=MEMORY AS
SELECT @base + s.seq AS id, s.seq AS i,
       ELT(1 + s.seq % 20, 'M1','M1','M1','M1','M1','M1','M1','M1','M1','M2','M2','M2','M2','M2','M2','M3','M3','M3',
           'M3','M3') AS measure,
       IF(s.seq % 2000 = 0, 1, @first_bulk + (s.seq * 7919) % 2000) AS enterprise_id,
       ELT(1 + (s.seq * 13) % 100 DIV 5, 'LOCALITY_VERIFICATION', 'CITY_REVIEW', 'SUPPLEMENT_REQUESTED',
           'AWAITING_SETTLEMENT', 'PUBLIC_NOTICE', 'DISBURSEMENT', 'NOT_ELIGIBLE', 'REJECTED', 'PAID', 'PAID', 'PAID',
           'PAID', 'PAID', 'PAID', 'PAID', 'PAID', 'PAID', 'LOCALITY_VERIFICATION', 'CITY_REVIEW', 'NOT_ELIGIBLE')
         AS status,
       @now - INTERVAL (@n - @have - s.seq) * 10 MINUTE AS at
FROM seq_1_to_$((N - have)) s;
UPDATE bulk_case SET status = 'REJECTED' WHERE status = 'NOT_ELIGIBLE' AND i % 8 = 0;

INSERT INTO case_record (id, case_number, measure, enterprise_id, locality_unit_id, subject_key, status,
  application_json, review_units, submitted_by, submitted_at, updated_at, row_version, lead_unit, finance_unit,
  round_id, applicant_kind, applicant_key, flag)
SELECT b.id, CONCAT(b.measure, '-2023-', LPAD(b.id, 6, '0')), b.measure, b.enterprise_id, e.locality_unit_id,
       CONCAT('BULK-', b.id), b.status, t.application_json, IF(b.measure = 'M1', 'gxj,swj', 'gxj'), 'bench-bulk',
       b.at, b.at, 0, 'gxj', 'czj', (SELECT MIN(r.id) FROM application_round r WHERE r.measure = b.measure),
       'ENTERPRISE', CONCAT('E:', b.enterprise_id), IF(b.i % 97 = 0, '批量基准：抽查标记 / bulk bench: spot-check flag', NULL)
FROM bulk_case b JOIN enterprise e ON e.id = b.enterprise_id JOIN case_record t ON t.id = $template;

INSERT INTO case_review_unit (case_id, unit_id) SELECT id, 'gxj' FROM bulk_case;
INSERT INTO case_review_unit (case_id, unit_id) SELECT id, 'swj' FROM bulk_case WHERE measure = 'M1';

INSERT INTO reward_claim (case_id, claimed_amount, eligible, reward_amount, reward_tier, decision_key,
  decision_version, decision_definition_id, payee_kind, payee_enterprise_id, updated_at, row_version,
  decided_at_submission)
SELECT b.id, 5000000 + (b.i * 7919) % 95000000, b.status <> 'NOT_ELIGIBLE',
       IF(b.status = 'NOT_ELIGIBLE', NULL, 10000 + (b.i * 131) % 490000), t.reward_tier, t.decision_key,
       t.decision_version, t.decision_definition_id, 'ENTERPRISE', b.enterprise_id, b.at, 0, 1
FROM bulk_case b JOIN reward_claim t ON t.case_id = $template;
SQL
"${MYSQL[@]}" -e "ANALYZE TABLE case_record, case_review_unit, reward_claim, enterprise" > /dev/null
say "$DB: $have → $("${MYSQL[@]}" -e "SELECT COUNT(*) FROM case_record") cases in $(( $(date +%s) - start )) s"
