// Bundles the pages' JavaScript into the app's static folder:
//   static/huiqi.js                          src/pages/huiqi.js, the pages' shared module (window.Huiqi)
//   static/vendor/dmn-editor/dmn-editor.*    src/dmn-editor.js (camunda-dmn-js), rules.html's table editor
//   static/forms.js, static/forms.css        src/pages/forms.js (form-js viewer), the deployed forms in the
//                                            enterprise's pages (window.HuiqiForms), apart from huiqi.js so
//                                            that only the pages with a form load it
//   static/charts.js                         src/pages/charts.js (ECharts: bar and radar on canvas), the
//                                            evaluation page's charts (window.HuiqiCharts)
//   node build.mjs [staticdir]     default staticdir: ../target/classes/static
// The Maven build passes ${project.build.outputDirectory}/static, so the bundles land in the jar and in
// `mvn spring-boot:run` without ever being committed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
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

await build({
  entryPoints: { charts: path.join(here, 'src', 'pages', 'charts.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'HuiqiCharts',
  target: ['es2020'],
  outdir: staticDir,
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('[frontend] charts bundle written to ' + path.join(staticDir, 'charts.js'));

// form-js 1.10 has no translation hook for its few button labels: they are replaced in its source when bundled,
// and the build fails if one is no longer there (a new form-js version must be checked, not silently English).
const FORM_JS_LABELS = [
  ["'Add new'", "'增加一项'"],
  ["`Expand all (${values.length})`", "`展开全部（${values.length}）`"],
  ["'Collapse'", "'收起'"],
  ["`Remove list item ${itemIndex + 1}`", "`删除第 ${itemIndex + 1} 项`"],
  ["valueLabel || 'Select'", "valueLabel || '请选择'"],
  ["placeholder: 'Search'", "placeholder: '搜索'"],
  ['"aria-label": "Increment"', '"aria-label": "增加"'],
  ['"aria-label": "Decrement"', '"aria-label": "减少"'],
  ['"aria-label": "Previous page"', '"aria-label": "上一页"'],
  ['"aria-label": "Next page"', '"aria-label": "下一页"'],
  ['title: "Remove tag"', 'title: "删除"']
];
const chineseFormJs = {
  name: 'chinese-form-js',
  setup(b) {
    b.onLoad({ filter: /form-js-viewer[\\/]dist[\\/]index\.es\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const [english, chinese] of FORM_JS_LABELS) {
        if (!source.includes(english)) throw new Error('form-js-viewer no longer has ' + english + ': check its labels');
        source = source.split(english).join(chinese);
      }
      return { contents: source, loader: 'js' };
    });
  }
};
await build({
  entryPoints: { forms: path.join(here, 'src', 'pages', 'forms.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'HuiqiForms',
  target: ['es2020'],
  outdir: staticDir,
  plugins: [chineseFormJs],
  loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl' },
  legalComments: 'linked',
  logLevel: 'warning'
});
console.log('[frontend] forms bundle written to ' + path.join(staticDir, 'forms.js'));
