// 我的案件 The cases the signed-in user may see, one case's time limits and timeline, and the 督办 items of a lead
// unit (huiqi.js, loaded first: session, formats).
(function () {
  'use strict';
  const { api, cell, el, text, money, capitals, date, dateTime, label, say, showError, pager } = Huiqi;
  const SIZE = 20;
  const state = { page: 0, query: '' };
  const $ = (id) => document.getElementById(id);
  const filter = $('case-filter');

  /** A period ends at 24:00 of its last day (Asia/Shanghai): show that day. */
  const lastDay = (end) => end ? date(new Date(Date.parse(end) - 1).toISOString()) : '';

  // 督办 items of the caller's lead units, most overdue first, a page at a time
  const supervision = pager(document.querySelector('#supervision table'), async (page) => {
    const data = await api('GET', 'api/supervision?size=' + SIZE + '&page=' + page);
    const body = document.querySelector('#supervision tbody');
    body.replaceChildren();
    for (const item of data.items) {
      const row = body.insertRow();
      cell(row, item.subject);
      cell(row, item.stepName);
      cell(row, item.unitName || item.unit);
      cell(row, lastDay(item.due));
      cell(row, item.overdueDays, 'amount');
    }
    if (data.total === 0) cell(body.insertRow(), '暂无督办事项 / Nothing overdue');
    return data;
  });

  async function loadSupervision() {
    try {
      await supervision.first();
    } catch (e) {
      return; // only lead units read 督办 items
    }
    document.getElementById('supervision').hidden = false;
  }

  /** The filter form as query parameters (empty fields left out; ascending only for the case number). */
  function query() {
    const params = new URLSearchParams();
    for (const name of ['measure', 'status', 'caseNumber', 'enterprise', 'sort']) {
      const value = filter.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    if (params.get('sort') === 'caseNumber') params.set('order', 'asc');
    return params.toString();
  }

  async function load() {
    let data;
    try {
      data = await api('GET', 'api/cases?' + (state.query ? state.query + '&' : '') + 'size=' + SIZE + '&page=' + state.page);
    } catch (e) {
      showError(e);
      return;
    }
    say('');
    const body = document.querySelector('#cases tbody');
    body.replaceChildren();
    for (const c of data.items) {
      const row = body.insertRow();
      const link = document.createElement('a');
      link.href = '#' + c.caseNumber;
      link.appendChild(text(c.caseNumber));
      link.onclick = () => showTimeline(c.caseNumber);
      row.insertCell().appendChild(link);
      cell(row, (c.enterprise || c.applicant || {}).name);
      cell(row, label(c, 'status'));
      rewardCell(row, c);
      cell(row, c.outcomeReason);
      cell(row, dateTime(c.submittedAt));
    }
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('page-of').textContent = '第 ' + (state.page + 1) + ' / ' + pages + ' 页，共 ' + data.total + ' 件 / page '
      + (state.page + 1) + ' of ' + pages + ', ' + data.total + ' cases';
    $('prev').disabled = state.page === 0;
    $('next').disabled = state.page + 1 >= pages;
    $('cases').hidden = data.items.length === 0;
    $('case-pages').hidden = data.total === 0;
    if (data.total === 0) say(state.query ? '没有符合条件的案件 / No cases match' : '暂无案件 / No cases');
  }

  // a reward decided at a labelled default rate says so wherever it is shown (claim.ProvisionalRates)
  function provisionalNote(c) {
    return el('div', 'provisional', '暂定：' + c.provisionalZh, ' ', el('span', 'en', c.provisionalEn));
  }

  function rewardCell(row, c) {
    const td = cell(row, money(c.rewardAmount), 'amount');
    if (c.provisional && c.rewardAmount != null) td.appendChild(provisionalNote(c));
    return td;
  }

  function rewardLine(c) {
    const box = $('detail-reward');
    box.hidden = c.rewardAmount == null;
    if (box.hidden) return;
    box.replaceChildren(el('strong', null, '奖励 '), el('span', 'en', 'Reward '), money(c.rewardAmount) + '（' + capitals(c.rewardAmount) + '）');
    if (c.provisional) box.appendChild(provisionalNote(c));
  }

  async function statusOptions() {
    const select = filter.elements.status;
    const measure = filter.elements.measure.value;
    let statuses = [];
    try {
      statuses = await api('GET', 'api/cases/statuses' + (measure ? '?measure=' + encodeURIComponent(measure) : ''));
    } catch (e) {
      return;
    }
    const chosen = select.value; // read after the answer: the user may have chosen meanwhile
    while (select.options.length > 1) select.remove(1);
    for (const s of statuses) {
      const option = document.createElement('option');
      option.value = s.name;
      option.appendChild(text(s.zh + ' ' + s.en));
      select.appendChild(option);
    }
    select.value = statuses.some(s => s.name === chosen) ? chosen : '';
  }

  async function start() {
    const catalogue = await Huiqi.catalogue;
    // the measures one applies for are the ones with cases
    if (catalogue) Huiqi.measureOptions(filter.elements.measure, catalogue.measures.filter(m => m.applicationPath));
    await statusOptions();
    await load();
    if (location.hash) showTimeline(location.hash.substring(1));
  }

  filter.elements.measure.onchange = statusOptions;
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.query = query();
    state.page = 0;
    load();
  });
  $('prev').onclick = () => { if (state.page > 0) { state.page--; load(); } };
  $('next').onclick = () => { state.page++; load(); };

  async function showTimeline(caseNumber) {
    let c;
    try {
      c = await api('GET', 'api/cases/' + encodeURIComponent(caseNumber));
    } catch (e) {
      showError(e);
      return;
    }
    const title = document.getElementById('detail-title');
    title.textContent = c.caseNumber + ' ' + c.enterprise.name + ' — ' + label(c, 'status');
    // the decision table version that decided the case (rules.html, read-only; docs/rules.md)
    if (c.decision) {
      const rule = document.createElement('a');
      rule.href = 'rules.html?key=' + encodeURIComponent(c.decision.key) + '&version=' + c.decision.version;
      rule.textContent = ' · 认定规则 Rule ' + c.decision.key + ' v' + c.decision.version;
      title.appendChild(rule);
    }
    rewardLine(c);
    const steps = document.querySelector('#detail table.steps');
    const stepBody = steps.querySelector('tbody');
    stepBody.replaceChildren();
    for (const s of c.steps || []) {
      const row = stepBody.insertRow();
      cell(row, s.stepName);
      cell(row, s.unit);
      cell(row, s.limitDays + ' 个工作日');
      cell(row, s.elapsedDays, 'amount');
      cell(row, s.remainingDays < 0 ? '逾期 ' + (-s.remainingDays) : s.remainingDays, 'amount');
      cell(row, lastDay(s.due));
      cell(row, s.stateZh + (s.overdue ? '（已逾期 / overdue）' : '') + ' / ' + s.stateEn);
    }
    steps.hidden = document.querySelector('#detail .steps-note').hidden = !(c.steps && c.steps.length);
    const body = document.querySelector('#detail table.timeline tbody');
    body.replaceChildren();
    for (const e of c.timeline) {
      const row = body.insertRow();
      cell(row, dateTime(e.at));
      cell(row, e.actor);
      cell(row, e.detail);
    }
    Huiqi.evidencePanel(document.getElementById('evidence'), c.caseNumber);
    document.getElementById('detail').hidden = false;
  }

  start();
  loadSupervision();
})();
