// 帮扶统计 Assistance figures (measure 7; docs/assistance.md "Figures"): GET /api/assistance/figures grouped by unit,
// locality or category over a period, a table whose numbers open their demands (GET /api/assistance/figures/cases),
// the xlsx, and two bar charts (charts.js). The API decides what each caller sees (huiqi.js loaded first).
(function () {
  'use strict';
  const { api, cell, el, text, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const FIGURES = ['received', 'accepted', 'acceptedOnTime', 'solved', 'partlySolved', 'replied', 'repliedOnTime',
    'onTimeRate', 'rated', 'satisfied', 'satisfactionRate', 'overdueNow'];
  const RATES = ['onTimeRate', 'satisfactionRate'];
  let shown = null;

  const shortName = (name) => { const n = name.replace(/管委会$/, ''); return n.length > 7 ? n.slice(0, 6) + '…' : n; };
  const rate = (v) => v == null ? '—' : Number(v).toFixed(1) + '%';

  function query() {
    const params = new URLSearchParams({ by: $('by').value });
    if ($('from').value) params.set('from', $('from').value);
    if ($('to').value) params.set('to', $('to').value);
    return params;
  }

  async function load() {
    $('figures-box').dataset.loading = 'true';
    const params = query();
    history.replaceState(null, '', '?' + params);
    try {
      shown = await api('GET', 'api/assistance/figures?' + params);
    } catch (e) {
      showError(e);
      $('figures-box').dataset.loading = 'false';
      return;
    }
    say('');
    $('from').value = shown.from;
    $('to').value = shown.to;
    $('export').href = 'api/assistance/figures.xlsx?' + new URLSearchParams({ by: shown.by, from: shown.from, to: shown.to });
    $('scope').textContent = '统计期间 ' + shown.from + ' 至 ' + shown.to + '（按诉求提出日期）；当前超时以 ' +
      new Date(shown.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + ' 为准。';
    table();
    charts();
    $('drill').hidden = true;
    $('figures-box').dataset.loading = 'false';
  }

  function line(row, r, isTotal) {
    const name = row.insertCell();
    name.appendChild(isTotal ? el('strong', null, r.label) : text(r.label));
    for (const f of FIGURES) {
      const td = row.insertCell();
      td.className = 'amount';
      if (RATES.includes(f)) {
        td.textContent = rate(r[f]);
      } else if (r[f] > 0) {
        const open = el('a', null, String(r[f]));
        open.href = '#';
        open.dataset.key = r.key;
        open.dataset.figure = f;
        open.onclick = (event) => { event.preventDefault(); drill(r, f); };
        td.appendChild(open);
      } else {
        td.textContent = '0';
      }
    }
  }

  function table() {
    const tbody = document.querySelector('#figures tbody');
    const tfoot = document.querySelector('#figures tfoot');
    tbody.replaceChildren();
    tfoot.replaceChildren();
    for (const r of shown.rows) line(tbody.insertRow(), r, false);
    line(tfoot.insertRow(), shown.totals, true);
    $('no-figures').hidden = shown.totals.received > 0;
  }

  async function drill(r, figure) {
    const params = new URLSearchParams({ by: shown.by, key: r.key, figure, from: shown.from, to: shown.to });
    let answer;
    try {
      answer = await api('GET', 'api/assistance/figures/cases?' + params);
    } catch (e) {
      showError(e);
      return;
    }
    $('drill-title').replaceChildren(text(r.label + ' · ' + answer.figureZh + '（' + answer.cases.length + ' 件）'), text(' '),
      el('span', 'en', r.labelEn + ' · ' + answer.figureEn));
    const tbody = document.querySelector('#drill-cases tbody');
    tbody.replaceChildren();
    for (const c of answer.cases) {
      const row = tbody.insertRow();
      const link = el('a', null, c.caseNumber);
      link.href = 'case.html?n=' + encodeURIComponent(c.caseNumber);
      row.insertCell().appendChild(link);
      cell(row, c.title);
      cell(row, c.locality);
      cell(row, c.category);
      cell(row, c.statusZh + ' / ' + c.statusEn);
    }
    $('drill-none').hidden = answer.cases.length > 0;
    $('drill').hidden = false;
    $('drill').scrollIntoView({ block: 'nearest' });
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
        { name: '收到诉求', type: 'bar', data: rows.map(r => r.received) },
        { name: '已解决', type: 'bar', data: rows.map(r => r.solved) },
        { name: '部分解决', type: 'bar', data: rows.map(r => r.partlySolved) }
      ]
    });
    HuiqiCharts.draw($('rate-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'item' }, xAxis: axis, yAxis: { type: 'value', max: 100 },
      series: [
        { name: '按时答复率', type: 'bar', data: rows.map(r => r.onTimeRate == null ? null : Number(r.onTimeRate)) },
        { name: '满意率', type: 'bar', data: rows.map(r => r.satisfactionRate == null ? null : Number(r.satisfactionRate)) }
      ]
    });
  }

  const start = new URLSearchParams(location.search);
  if (['unit', 'locality', 'category'].includes(start.get('by'))) $('by').value = start.get('by');
  if (/^\d{4}-\d{2}-\d{2}$/.test(start.get('from') || '')) $('from').value = start.get('from');
  if (/^\d{4}-\d{2}-\d{2}$/.test(start.get('to') || '')) $('to').value = start.get('to');
  $('filters').onsubmit = (event) => { event.preventDefault(); load(); };
  $('by').onchange = () => load();
  load();
})();
