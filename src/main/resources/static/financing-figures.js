// 融资统计 Financing figures (measure 8; docs/financing.md "Figures"): GET /api/financing/figures grouped by institution,
// locality, guarantee kind or matchmaking event, the table, the xlsx and two bar charts (charts.js). The API decides
// what each caller sees (huiqi.js loaded first).
(function () {
  'use strict';
  const { api, cell, showError, say } = Huiqi;
  const $ = (id) => document.getElementById(id);
  let shown = null;

  const shortName = (name) => name.length > 7 ? name.slice(0, 6) + '…' : name;
  const tenThousands = (v) => Number(v) / 10000;

  async function load() {
    $('figures-box').dataset.loading = 'true';
    const params = new URLSearchParams({ by: $('by').value });
    history.replaceState(null, '', '?' + params);
    try {
      shown = await api('GET', 'api/financing/figures?' + params);
    } catch (e) {
      showError(e);
      $('figures-box').dataset.loading = 'false';
      return;
    }
    say('');
    $('export').href = 'api/financing/figures.xlsx?' + new URLSearchParams({ by: shown.by });
    const tbody = document.querySelector('#figures tbody');
    tbody.replaceChildren();
    for (const r of shown.rows) {
      const row = tbody.insertRow();
      cell(row, r.label);
      for (const v of [r.demands, r.takenUp, r.approvedAmount, r.grantedAmount, r.decided,
        r.averageWorkingDaysToDecision == null ? '—' : r.averageWorkingDaysToDecision]) {
        const td = row.insertCell();
        td.className = 'amount';
        td.textContent = String(v);
      }
    }
    $('no-figures').hidden = shown.rows.length > 0;
    charts();
    $('figures-box').dataset.loading = 'false';
  }

  function charts() {
    if (!window.HuiqiCharts) return;
    const rows = shown.rows;
    const names = rows.map(r => r.label);
    const phone = window.matchMedia('(max-width: 600px)').matches;
    const axis = { type: 'category', data: names, axisLabel: { interval: 0, rotate: phone || names.length > 5 ? 45 : 0, formatter: shortName } };
    const grid = { left: 10, right: 10, top: 36, bottom: 10, containLabel: true };
    HuiqiCharts.draw($('count-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'item' }, xAxis: axis, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '融资需求', type: 'bar', data: rows.map(r => r.demands) },
        { name: '已被对接', type: 'bar', data: rows.map(r => r.takenUp) }
      ]
    });
    HuiqiCharts.draw($('amount-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'item' }, xAxis: axis, yAxis: { type: 'value' },
      series: [
        { name: '授信金额', type: 'bar', data: rows.map(r => tenThousands(r.approvedAmount)) },
        { name: '放款金额', type: 'bar', data: rows.map(r => tenThousands(r.grantedAmount)) }
      ]
    });
  }

  const wanted = new URLSearchParams(location.search).get('by');
  if (wanted && [...$('by').options].some(o => o.value === wanted)) $('by').value = wanted;
  $('filters').onsubmit = (event) => { event.preventDefault(); load(); };
  $('by').onchange = load;
  load();
})();
