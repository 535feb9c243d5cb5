// 资金池 The fund's pools and the totals per locality (huiqi.js, loaded first: session, formats).
(function () {
  'use strict';
  const { api, cell, el, text, money, moneyCell, label, showError, measureOptions, payingMeasures } = Huiqi;
  const select = document.getElementById('measure');

  async function loadPools() {
    const pools = await api('GET', 'api/fund/pools');
    const body = document.querySelector('#pools tbody');
    for (const p of pools) {
      const row = body.insertRow();
      const name = row.insertCell();
      name.append(el('strong', null, p.id), text(' ' + p.nameZh), el('div', 'en', p.nameEn));
      if (p.capSet) {
        moneyCell(row, p.cap, true);
      } else {
        cell(row, money(0) + ' 尚未设定 / not set', 'amount muted');
      }
      moneyCell(row, p.reserved);
      moneyCell(row, p.committed);
      moneyCell(row, p.paid);
      moneyCell(row, p.remaining);
      moneyCell(row, p.available);
      cell(row, p.rule ? label(p, 'rule') : '—');
    }
    // the measures to filter by: the catalogue's paying measures, else the measure pools the ledger has
    const measures = await payingMeasures;
    measureOptions(select, measures.length ? measures
      : pools.filter(p => p.id !== 'PACKAGE').map(p => ({ id: p.id, name: { zh: p.nameZh, en: p.nameEn } })));
    // shown once the filter is complete too (the catalogue may answer after the pools)
    document.getElementById('pools-section').hidden = false;
  }

  async function loadLocalities() {
    const measure = select.value;
    const totals = await api('GET', 'api/fund/localities' + (measure ? '?measure=' + encodeURIComponent(measure) : ''));
    const body = document.querySelector('#localities tbody');
    body.replaceChildren();
    for (const t of totals) {
      const row = body.insertRow();
      row.insertCell().append(text(t.nameZh + ' '), el('span', 'en', t.nameEn));
      cell(row, t.cases, 'amount');
      moneyCell(row, t.reserved);
      moneyCell(row, t.committed);
      moneyCell(row, t.paid);
    }
    document.getElementById('localities-section').hidden = false;
  }

  select.onchange = () => loadLocalities().catch(showError);
  loadPools().then(loadLocalities).catch(showError);
})();
