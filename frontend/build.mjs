// Bundles the pages' JavaScript into the app's static folder:
//   static/huiqi.js                          src/pages/huiqi.js, the pages' shared module (window.Huiqi)
//   static/vendor/dmn-editor/dmn-editor.*    src/dmn-editor.js (camunda-dmn-js), rules.html's table editor
//   node build.mjs [staticdir]     default staticdir: ../target/classes/static
// The Maven build passes ${project.build.outputDirectory}/static, so the bundles land in the jar and in
// `mvn spring-boot:run` without ever being committed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.resolve(process.argv[2] || path.join(here, '..', 'target', 'classes', 'static'));

await build({
  entryPoints: { huiqi: path.join(here, 'src', 'pages', 'huiqi.js') },
  bundle: true,
  format: 'iife',
  globalName: 'Huiqi',
  target: ['es2020'],
  outdir: staticDir,
  legalComments: 'none',
  logLevel: 'warning'
});
console.log('[frontend] pages module written to ' + path.join(staticDir, 'huiqi.js'));

const editorDir = path.join(staticDir, 'vendor', 'dmn-editor');
await build({
  entryPoints: { 'dmn-editor': path.join(here, 'src', 'dmn-editor.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir: editorDir,
  loader: { '.eot': 'file', '.svg': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('[frontend] dmn-editor bundle written to ' + editorDir);
