// `npm ci`, but only when node_modules does not already hold exactly what package-lock.json says.
// Run by the Maven build (generate-resources) before `npm run build`. Several builds of one checkout may
// run at once (-Dhuiqi.build.dir=...): a lock directory makes them take turns, and a stamp with the
// lock file's hash lets every later build skip the install.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const lockFile = path.join(here, 'package-lock.json');
const stamp = path.join(here, 'node_modules', '.huiqi-installed');
const mutex = path.join(here, '.install-lock');
const wanted = createHash('sha256').update(readFileSync(lockFile)).digest('hex');

const upToDate = () => existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquire() {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(mutex);
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // a lock left behind by a killed build is stale after 10 minutes
      if (Date.now() - statSync(mutex).mtimeMs > 600_000) { rmSync(mutex, { recursive: true, force: true }); continue; }
      if (waited === 0) console.log('[frontend] another build is installing; waiting');
      sleep(500);
    }
  }
}

if (upToDate()) {
  console.log('[frontend] node_modules matches package-lock.json');
} else {
  acquire();
  try {
    if (!upToDate()) {
      console.log('[frontend] npm ci');
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
      writeFileSync(stamp, wanted + '\n');
    }
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}
