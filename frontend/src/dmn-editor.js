// 惠企 Huiqi — the decision-table editor of the rules page (static/rules.html).
// Bundles camunda-dmn-js's Camunda 7 ("platform") modeler, which keeps camunda: attributes such as
// camunda:historyTimeToLive, and exposes a small API on window.HuiqiDmnEditor.
import { CamundaPlatformModeler } from 'camunda-dmn-js';
import 'camunda-dmn-js/dist/assets/camunda-platform-modeler.css';
import { translateModule } from './dmn-translations.js';

/**
 * Opens `xml` in `container` on the decision table view of `decisionId`.
 * Answers { getXml(): Promise<string>, onChange(fn), destroy() }.
 */
async function open(container, xml, decisionId) {
  const modeler = new CamundaPlatformModeler({
    container,
    common: { keyboard: { bindTo: document } },
    // per view: each view's own additionalModules replace those of `common` (dmn-js-shared Manager)
    decisionTable: { additionalModules: [translateModule] },
    literalExpression: { additionalModules: [translateModule] },
    boxedExpression: { additionalModules: [translateModule] },
    drd: { additionalModules: [translateModule] }
  });
  await modeler.importXML(xml);
  const view = modeler.getViews().find(v => v.type === 'decisionTable' && (!decisionId || v.element.id === decisionId));
  if (view) {
    await modeler.open(view);
  }
  const listeners = [];
  const active = () => modeler.getActiveViewer();
  const subscribe = () => {
    const viewer = active();
    if (viewer) {
      viewer.get('eventBus').on('elements.changed', () => listeners.forEach(fn => fn()));
    }
  };
  subscribe();
  return {
    async getXml() {
      const { xml: saved } = await modeler.saveXML({ format: true });
      return saved;
    },
    onChange(fn) { listeners.push(fn); },
    destroy() { modeler.destroy(); }
  };
}

window.HuiqiDmnEditor = { open };
