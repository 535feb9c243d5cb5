#!/usr/bin/env python3
"""The task-list SQL on its own (docs/performance.md, "Task lists").

Runs the engine's own statements for donghu's queue (bench/task-list-sql/*.sql, rendered by
identity.TaskListOnMariaDbTest's engineSql through the engine's MyBatis mapping: member = 'queue-donghu' of group
donghu with authorization on; admin = no per-row check; member-page*.sql the page as process.TaskListStatementsPlugin
has the engine send it, v26-member-page*.sql the engine's own "select distinct" page as it was before) RUNS times after one warm-up in one mysql session and prints,
per statement, the median and max of
  * wall: the server's own time (SHOW PROFILES, no client start-up), which a loaded machine stretches;
  * cpu:  the CPU time of the server thread that ran it (/proc/<mariadbd>/task/<TID>/schedstat, TID from
          information_schema.PROCESSLIST), close to what the statement costs on an idle machine;
and the InnoDB pages one run touches (ANALYZE FORMAT=JSON, summed over the plan), which load does not change.
Needs a local server (it reads /proc of the mariadbd process) and the right to read it (root).

    bench/task-list-sql.py DATABASE [RUNS]        # RUNS defaults to 7
"""
import glob
import json
import os
import re
import statistics
import subprocess
import sys

db = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
host = os.environ.get("BENCH_DB_HOST", "127.0.0.1:3306")
command = ["mysql", "-h" + host.split(":")[0], "-P" + host.split(":")[1], "-u" + os.environ.get("BENCH_DB_ROOT_USER", "root"),
           "-N", "-B", "--unbuffered", db]
if os.environ.get("BENCH_DB_ROOT_PASSWORD"):
    command.insert(4, "-p" + os.environ["BENCH_DB_ROOT_PASSWORD"])
server_pid = (subprocess.run(["pgrep", "-x", "mariadbd"], capture_output=True, text=True).stdout
              or subprocess.run(["pgrep", "-x", "mysqld"], capture_output=True, text=True).stdout).split()[0]
session = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def ask(sql):
    """Sends one statement, returns its output lines (a marker row ends each answer)."""
    session.stdin.write(sql.rstrip().rstrip(";") + ";\nselect 'END-OF-ANSWER';\n")
    session.stdin.flush()
    lines = []
    for line in session.stdout:
        if line.strip() == "END-OF-ANSWER":
            return lines
        lines.append(line.rstrip("\n"))


def cpu_ns(tid):
    with open(f"/proc/{server_pid}/task/{tid}/schedstat") as stat:
        return int(stat.read().split()[0])


tid = ask("select TID from information_schema.PROCESSLIST where ID = connection_id()")[0]
ask("set profiling = 1")
if os.environ.get("BENCH_SESSION_SQL"):  # e.g. "set optimizer_switch = 'subquery_cache=off'" to try a server setting
    ask(os.environ["BENCH_SESSION_SQL"])
ask("set profiling_history_size = 100")
with open("/proc/loadavg") as load:
    print(f"# {db} {os.environ.get('BENCH_SESSION_SQL', '')}, load average {' '.join(load.read().split()[:3])}, {runs} runs after 1 warm-up")
for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "task-list-sql", "*.sql"))):
    with open(path) as file:
        sql = file.read()
    ask(sql)
    cpu = []
    for _ in range(runs):
        before = cpu_ns(tid)
        ask(sql)
        cpu.append((cpu_ns(tid) - before) / 1e6)
    profiles = [line.split("\t") for line in ask("show profiles")]
    wall = [float(p[1]) * 1000 for p in profiles
            if re.match(r"\s*(set statement .*? for\s+)?select", p[2], re.I) and "END-OF-ANSWER" not in p[2]][-runs:]
    # a page the engine sends as "SET STATEMENT <optimizer settings> FOR select ..." is analyzed within its settings
    prefix = re.match(r"\s*set statement .*? for\s+", sql, re.I | re.S)
    analyze = prefix.group(0) + "analyze format=json " + sql[prefix.end():] if prefix else "analyze format=json " + sql
    plan = json.loads("\n".join(ask(analyze)).replace("\\n", "\n"))
    pages = sum(int(n) for n in re.findall(r'"pages_accessed": (\d+)', json.dumps(plan, indent=1)))
    print(f"{os.path.basename(path)[:-4]:26} wall median {statistics.median(wall):7.1f} ms, max {max(wall):7.1f} | "
          f"cpu median {statistics.median(cpu):7.1f} ms, max {max(cpu):7.1f} | pages {pages}")
session.stdin.close()
