// Bundles src/dmn-editor.js (camunda-dmn-js) into one JS and one CSS file.
//   node build.mjs [outdir]     default outdir: ../target/classes/static/vendor/dmn-editor
// The Maven build passes ${project.build.outputDirectory}/static/vendor/dmn-editor, so the bundle lands
// in the jar and in `mvn spring-boot:run` without ever being committed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] || path.join(here, '..', 'target', 'classes', 'static', 'vendor', 'dmn-editor'));

await build({
  entryPoints: { 'dmn-editor': path.join(here, 'src', 'dmn-editor.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.eot': 'file', '.svg': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('[frontend] dmn-editor bundle written to ' + outdir);
