// 兑现看板 Fulfilment board (measure 9; docs/fulfilment.md "兑现看板"): GET /api/board per measure and locality, the pools
// against the package fund, stage times, on-time rate and overdue now; numbers open their cases (GET /api/board/cases,
// paged); the xlsx; three charts (charts.js). The API decides what each caller sees (huiqi.js loaded first).
(function () {
  'use strict';
  const { api, cell, el, text, say, showError, money, pager, catalogue } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const COUNTS = ['applications', 'approved', 'rejected', 'paid'];
  const STAGES = ['locality', 'city', 'notice', 'payment', 'approvalToPayment', 'endToEnd'];
  let shown = null;
  let drillPager = null;
  let drillLoad = null;

  const days = (s) => s == null || s.cases === 0 ? '—' : Number(s.median).toFixed(1) + ' / ' + s.p90;
  const rate = (v) => v == null ? '—' : Number(v).toFixed(1) + '%';
  const yuan = (v) => money(v);

  async function load() {
    $('figures-box').dataset.loading = 'true';
    const params = new URLSearchParams();
    if ($('measure').value) params.set('measure', $('measure').value);
    history.replaceState(null, '', params.toString() ? '?' + params : location.pathname);
    try {
      shown = await api('GET', 'api/board?' + params);
    } catch (e) {
      showError(e);
      $('figures-box').dataset.loading = 'false';
      return;
    }
    say('');
    $('export').href = 'api/board.xlsx?' + params;
    $('scope').textContent = (shown.city ? '范围：全市' : '范围：本地区（' + shown.localities.join('、') + '）') + '；当前超时以 '
      + new Date(shown.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) + ' 为准。';
    $('defaults').replaceChildren(text(shown.defaultsZh + ' '), el('span', 'en', shown.defaultsEn));
    funds();
    table();
    charts();
    $('drill').hidden = true;
    $('figures-box').dataset.loading = 'false';
  }

  function funds() {
    const tbody = document.querySelector('#pools tbody');
    tbody.replaceChildren();
    const pools = shown.measures.filter(m => m.pool).map(m => m.pool);
    if (shown.packageFund) pools.unshift(shown.packageFund);
    for (const p of pools) {
      const row = tbody.insertRow();
      cell(row, p.id === 'PACKAGE' ? '统筹资金（1亿元）' : p.nameZh);
      cell(row, p.capSet ? yuan(p.cap) : '尚未设定 / not set', 'amount');
      cell(row, yuan(p.paid), 'amount');
      cell(row, yuan(p.committed), 'amount');
      cell(row, yuan(p.reserved), 'amount');
      cell(row, yuan(p.remaining), 'amount');
      const share = p.capSet && Number(p.cap) > 0 ? (100 * Number(p.paid) / Number(p.cap)).toFixed(2) + '%' : '—';
      cell(row, share, 'amount');
    }
    $('funds').hidden = pools.length === 0;
  }

  function figureCell(row, measure, r, figure) {
    const td = row.insertCell();
    td.className = 'amount';
    const value = r[figure];
    if (value > 0) {
      const open = el('a', null, String(value));
      open.href = '#';
      open.onclick = (event) => { event.preventDefault(); drill(measure, r, figure); };
      td.appendChild(open);
    } else {
      td.textContent = '0';
    }
  }

  function line(tbody, measure, r, title) {
    const row = tbody.insertRow();
    if (title) row.className = 'subtotal';
    const name = row.insertCell();
    name.appendChild(title ? el('strong', null, title) : text('　' + r.labelZh));
    for (const f of COUNTS) figureCell(row, measure, r, f);
    cell(row, yuan(r.paidAmount), 'amount');
    for (const s of STAGES) cell(row, days(r.stages[s]), 'amount');
    cell(row, rate(r.onTimeRate), 'amount');
    figureCell(row, measure, r, 'overdueNow');
  }

  function table() {
    const tbody = document.querySelector('#figures tbody');
    tbody.replaceChildren();
    for (const m of shown.measures) {
      line(tbody, m.measure, m.total, m.measure + ' ' + m.nameZh);
      for (const r of m.localities) line(tbody, m.measure, r, null);
    }
    if (shown.measures.length > 1) line(tbody, null, shown.total, '全部措施合计 / All');
  }

  function localityName(id) {
    for (const m of shown.measures) for (const r of m.localities) if (r.key === id) return r.labelZh;
    return id || '';
  }

  const FIGURE_NAMES = { applications: '申请', approved: '已批准', rejected: '已驳回', paid: '已拨付', overdueNow: '当前超时' };

  async function drill(measure, r, figure) {
    const tbody = document.querySelector('#drill-cases tbody');
    const load = async (page) => {
      const params = new URLSearchParams({ figure, page: String(page), size: '20' });
      if (measure) params.set('measure', measure);
      if (r.key !== 'total') params.set('locality', r.key);
      const answer = await api('GET', 'api/board/cases?' + params);
      tbody.replaceChildren();
      for (const c of answer.items) {
        const row = tbody.insertRow();
        const link = el('a', null, c.caseNumber);
        link.href = 'case.html?n=' + encodeURIComponent(c.caseNumber);
        row.insertCell().appendChild(link);
        cell(row, c.enterprise ? c.enterprise.name : (c.applicant ? c.applicant.name : ''));
        cell(row, localityName(c.localityUnit));
        cell(row, c.statusZh + ' / ' + c.statusEn);
        cell(row, c.submittedAt ? new Date(c.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
      }
      $('drill-none').hidden = answer.total > 0;
      $('drill-title').replaceChildren(text((measure || '全部措施') + ' · ' + (r.key === 'total' ? '合计' : r.labelZh) + ' · '
        + FIGURE_NAMES[figure] + '（' + answer.total + ' 件可查看）'));
      return answer;
    };
    drillLoad = load;
    if (!drillPager) drillPager = pager($('drill-cases'), (page) => drillLoad(page));
    try {
      await drillPager.first();
    } catch (e) {
      showError(e);
      return;
    }
    $('drill').hidden = false;
    $('drill').scrollIntoView({ block: 'nearest' });
  }
  function charts() {
    if (!window.HuiqiCharts) return;
    const phone = window.matchMedia('(max-width: 600px)').matches;
    const grid = { left: 10, right: 10, top: 36, bottom: 10, containLabel: true };
    const names = shown.measures.map(m => m.measure);
    HuiqiCharts.draw($('count-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '申请', type: 'bar', data: shown.measures.map(m => m.total.applications) },
        { name: '已批准', type: 'bar', data: shown.measures.map(m => m.total.approved) },
        { name: '已拨付', type: 'bar', data: shown.measures.map(m => m.total.paid) }
      ]
    });
    const weeks = shown.weeks.map(w => w.week.substring(5));
    HuiqiCharts.draw($('trend-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: weeks, axisLabel: { rotate: phone ? 45 : 0 } }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '申请', type: 'line', data: shown.weeks.map(w => w.applications) },
        { name: '批准', type: 'line', data: shown.weeks.map(w => w.approved) },
        { name: '拨付', type: 'line', data: shown.weeks.map(w => w.paid) }
      ]
    });
    const stageNames = shown.stages.map(s => s.zh);
    HuiqiCharts.draw($('stage-chart'), {
      legend: { top: 0 }, grid, tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: stageNames, axisLabel: { interval: 0, rotate: phone ? 45 : 20 } }, yAxis: { type: 'value' },
      series: [
        { name: '中位数', type: 'bar', data: shown.stages.map(s => { const d = shown.total.stages[s.key]; return d.median == null ? null : Number(d.median); }) },
        { name: '90%分位', type: 'bar', data: shown.stages.map(s => shown.total.stages[s.key].p90) }
      ]
    });
  }

  async function measures() {
    const c = await catalogue;
    const select = $('measure');
    if (c) {
      for (const m of c.measures) {
        if (!m.processKeys || m.processKeys.length === 0) continue;
        const option = el('option', null, m.id + ' ' + m.name.zh);
        option.value = m.id;
        select.appendChild(option);
      }
    }
    const start = new URLSearchParams(location.search).get('measure');
    if (start && [...select.options].some(o => o.value === start)) select.value = start;
  }

  $('filters').onsubmit = (event) => { event.preventDefault(); load(); };
  $('measure').onchange = () => load();
  measures().then(load);
})();
