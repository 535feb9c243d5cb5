// Lints the process and decision models like code: bpmnlint (.bpmnlintrc: bpmnlint:recommended plus the
// Camunda Platform 7.24 compatibility rules) on every *.bpmn, dmnlint (.dmnlintrc: dmnlint:recommended) on
// every *.dmn. Errors fail (exit 1), warnings are printed only.
//   node lint-models.mjs [dir...]     default: ../bpmn ../dmn
// Run by the Maven build (generate-resources, right after install.mjs); ModelLintGateTest runs it on broken
// fixtures (src/test/resources/lint/) to prove it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs = process.argv.length > 2
  ? process.argv.slice(2).map((d) => path.resolve(d))
  : [path.join(here, '..', 'bpmn'), path.join(here, '..', 'dmn')];

function modelsIn(ext) {
  return dirs.flatMap((dir) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`[models] not a directory: ${dir}`);
      process.exit(2);
    }
    return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f));
  });
}

// The CLIs read their config, plugins and moddle extensions relative to the working directory.
function lint(cli, config, files) {
  if (files.length === 0) return true;
  const run = spawnSync(process.execPath, [path.join(here, 'node_modules', cli), '-c', config, ...files],
    { cwd: here, stdio: 'inherit' });
  if (run.error) throw run.error;
  return run.status === 0;
}

const bpmn = modelsIn('.bpmn');
const dmn = modelsIn('.dmn');
if (bpmn.length + dmn.length === 0) {
  console.error(`[models] no *.bpmn or *.dmn in ${dirs.join(', ')}`);
  process.exit(2);
}
const bpmnOk = lint('bpmnlint/bin/bpmnlint.js', '.bpmnlintrc', bpmn);
const dmnOk = lint('dmnlint/bin/dmnlint.js', '.dmnlintrc', dmn);
if (!bpmnOk || !dmnOk) {
  console.error(`[models] lint errors (rules: frontend/.bpmnlintrc, frontend/.dmnlintrc)`);
  process.exit(1);
}
console.log(`[models] ${bpmn.length} BPMN and ${dmn.length} DMN files pass bpmnlint and dmnlint`);
