// 地区评价 Locality evaluation (measures 5 and 6; docs/evaluation.md). One page for 市工信局 (rounds, import, the
// overview of every locality, scores, disputes, ranking, charts, vetoes), 市统计局 (template and import) and a locality
// (its own figures: confirm, dispute, self-report; its scores and rank). The API decides what each caller sees and may
// do; the page only leaves out the buttons a role has no use for (huiqi.js loaded first, charts.js for the charts).
(function () {
  'use strict';
  const { api, cell, el, text, date, dateTime, label, say, showError, me, catalogue } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const DEFAULT_MARK = '系统默认值';
  const PERIODS = { M5: ['2023-01-01', '2023-09-30', '前三季度'], M6: ['2023-01-01', '2023-12-31', '全年'] };

  // who is signed in, as far as the buttons go (GET /api/me, GET /api/units)
  const who = { gxj: false, tjj: false, readsAll: false, own: [] };
  let localities = [];       // [{id, nameZh}] in the units' order
  let current = null;        // the round shown (GET /api/evaluations/{id})

  const unitName = (id) => (localities.find(u => u.id === id) || { nameZh: id }).nameZh;
  const plain = (v) => v == null ? '' : String(v);
  // officials read the decision tables by name, never by their DMN keys (the rules page shows the same names)
  const RULES = { 'locality-indicator-score': { zh: '地区评价指标得分规则', en: 'locality indicator score table' },
    'evaluation-award': { zh: '地区评价奖励金额规则', en: 'evaluation award table' } };
  const ruleName = (key) => (RULES[key] || { zh: key }).zh;
  const withRuleNames = (text) => text == null ? text
    : String(text).replace(/(locality-indicator-score|evaluation-award)(?: v(\d+))?/g, (m, key, v) => ruleName(key) + (v ? ' 第' + v + '版' : ''));
  // the outcomes the gxj steps record (timeline values), in words
  const OUTCOME_WORDS = { none: '无否决', recorded: '已录入否决', approve: '同意', return: '退回', approved: '审定通过',
    returned: '退回', keep: '维持排名', corrected: '已更正' };
  const OUTCOME_KINDS = ['VETO_CHECKED', 'PROPOSAL_CHECKED', 'PROPOSAL_RETURNED', 'APPROVAL_RETURNED', 'REVIEW_HANDLED'];
  // a self-reported figure's evidence file (downloaded as an attachment, access checked and logged by the server)
  const evidenceLink = (f) => {
    const a = el('a', 'evidence-file', f.evidenceFileName || '证明材料');
    a.href = f.evidenceHref;
    a.setAttribute('download', '');
    return a;
  };
  const indicatorOf = (code) => (current.indicators || []).find(i => i.code === code) || { code, nameZh: code, unit: '' };
  const isStatistics = (i) => i.source === 'STATISTICS';
  const withUnit = (v, indicator) => v == null ? '' : plain(v) + (indicator.unit === '%' ? '%' : indicator.unit ? ' ' + indicator.unit : '');

  function option(select, value, textValue) {
    const o = document.createElement('option');
    o.value = value;
    o.appendChild(text(textValue));
    select.appendChild(o);
    return o;
  }

  /** The figure a number input holds as the API wants it (a JSON number from its decimal text), or the text itself. */
  function number(input) {
    const raw = input.value.trim();
    if (raw === '') return null;
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }

  const ORIGIN = { OFFICIAL: '统计数据 / Statistics', SELF_REPORTED: '地区自报 / Self-reported', GXJ: '市工信局评分 / Scored by gxj' };
  const HOW = { LOCALITY: '地区确认', SILENCE: '逾期视为确认', RESOLUTION: '异议已处理', CORRECTION: '市工信局更正' };
  const DIRECTION = { HIGHER_IS_BETTER: '越高越好 / Higher is better', LOWER_IS_BETTER: '越低越好 / Lower is better' };

  // ---- the rounds ------------------------------------------------------------------------------------
  async function rounds() {
    const list = await api('GET', 'api/evaluations');
    const tbody = document.querySelector('#rounds tbody');
    tbody.replaceChildren();
    for (const r of list) {
      const row = tbody.insertRow();
      const link = el('a', null, String(r.id));
      link.href = '#' + r.id;
      row.insertCell().appendChild(link);
      cell(row, r.measure);
      cell(row, r.name);
      cell(row, date(r.periodFrom) + ' — ' + date(r.periodTo));
      cell(row, label(r, 'status'));
      cell(row, r.confirmationDue ? dueText(r.confirmationDue) : '');
    }
    $('no-rounds').hidden = list.length > 0;
    return list;
  }

  // The confirmation deadline on the working-day clock: an instant at 24:00 Beijing time is that day's 24时.
  function dueText(due) {
    const at = new Date(due);
    const midnight = dateTime(due).endsWith(' 00:00');
    return midnight ? date(new Date(at.getTime() - 60000).toISOString()) + '24时' : dateTime(due);
  }

  // ---- opening a round (gxj) -------------------------------------------------------------------------
  async function openForm() {
    const c = await catalogue;
    const measures = c ? c.measures.filter(m => m.applicant === 'LOCALITY' && m.paysMoney) : Object.keys(PERIODS).map(id => ({ id, name: { zh: id } }));
    $('open-measure').replaceChildren();
    for (const m of measures) option($('open-measure'), m.id, m.id + ' ' + label(m.name, undefined, 'zh'));
    const fill = () => {
      const p = PERIODS[$('open-measure').value];
      if (!p) return;
      $('open-from').value = p[0];
      $('open-to').value = p[1];
      $('open-name').value = p[0].substring(0, 4) + '年' + p[2] + ($('open-measure').value === 'M5' ? '制造业高质量发展试验区评价' : '工业发展综合评价');
    };
    $('open-measure').onchange = fill;
    fill();
    $('open-form').hidden = false;
  }

  $('open').onsubmit = async (event) => {
    event.preventDefault();
    try {
      const r = await api('POST', 'api/evaluations', { measure: $('open-measure').value, name: $('open-name').value,
        periodFrom: $('open-from').value, periodTo: $('open-to').value });
      say('已开设评价轮次 ' + r.id + '，指标取自默认指标集（系统默认值）/ Round opened with the default indicators', 'ok');
      $('open-form').open = false;
      await rounds();
      location.hash = '#' + r.id;
    } catch (e) { showError(e); }
  };

  // ---- one round -------------------------------------------------------------------------------------
  // #round carries data-loading while a round is being (re)loaded, for people's scripts and the browser test
  async function show(id) {
    $('round').dataset.loading = 'true';
    try {
      await load(id);
    } finally {
      delete $('round').dataset.loading;
    }
  }

  async function load(id) {
    current = await api('GET', 'api/evaluations/' + encodeURIComponent(id));
    const r = current;
    $('round-title').textContent = r.measure + ' ' + r.name + ' — ' + label(r, 'status');
    facts(r);
    indicators(r);
    importBox(r);
    gxjBox(r);
    overview(r);
    ownBox(r);
    $('round').hidden = false;
    await Promise.all([timeline(r), ranking(r), vetoes(r), processBox(r)]);
  }

  function facts(r) {
    const dl = $('round-facts');
    dl.replaceChildren();
    const fact = (term, ...value) => dl.append(el('dt', null, term), el('dd', null, ...value));
    fact('措施 Measure', r.measure);
    fact('评价期 Period', date(r.periodFrom) + ' 至 ' + date(r.periodTo));
    fact('状态 Status', label(r, 'status'));
    if (r.confirmationDue) {
      fact('确认期限 Confirmation', dueText(r.confirmationDue) + '前（' + r.confirmationWorkingDays + '个工作日，按工作日历计算；逾期未提出异议视为确认；期限长度为',
        el('mark', 'default-mark', DEFAULT_MARK), '）', ' ', el('span', 'en', 'Within ' + r.confirmationWorkingDays
          + ' working days; silence confirms; the length is a default'));
    }
    for (const p of r.ruleVersions || []) fact('评分规则 Rule', ruleName(p.decisionKey) + ' 第' + p.version + '版（开设时锁定 / pinned）');
    if (r.groups && r.groups.length) {
      // the grouping recorded on the round when it was opened (a later change of the default does not touch it)
      const by = {};
      for (const g of r.groups) (by[g.group] = by[g.group] || []).push(g.unitName || g.unitId);
      fact('地区分组 Groups', Object.keys(GROUPS).filter(k => by[k]).map(k => GROUPS[k] + '：' + by[k].join('、')).join('；')
        + '（本轮开设时记录；', el('mark', 'default-mark', DEFAULT_MARK), '）', ' ', el('span', 'en', 'recorded when the round was opened'));
    }
  }

  function indicators(r) {
    const tbody = document.querySelector('#indicators tbody');
    tbody.replaceChildren();
    for (const i of r.indicators) {
      const row = tbody.insertRow();
      const name = cell(row, i.nameZh + ' ');
      name.appendChild(el('span', 'en', i.nameEn));
      cell(row, i.unit);
      cell(row, DIRECTION[i.direction] || i.direction);
      const target = cell(row, plain(i.target) + ' ');
      if (i.note) target.appendChild(el('mark', 'default-mark', i.note));
      cell(row, sourceText(i));
    }
  }

  function sourceText(i) {
    if (!isStatistics(i)) return '市工信局评分 / Scored by gxj';
    return '市统计局导入' + (i.selfReport ? '；统计无数据时地区自报（附证明）' : '') + ' / Statistics' + (i.selfReport ? ', else self-reported' : '');
  }

  function importBox(r) {
    const open = r.status === 'DATA_ENTRY' || r.status === 'CONFIRMATION';
    $('import-box').hidden = !(who.gxj || who.tjj) || !open;
    $('template-link').href = 'api/evaluations/' + r.id + '/figures/template.xlsx';
  }

  $('import-form').onsubmit = async (event) => {
    event.preventDefault();
    const file = $('import-file').files[0];
    if (!file) { say('请先选择填好的模板 / Choose the filled template first', 'error'); return; }
    const form = new FormData();
    form.append('file', file);
    $('import-result').hidden = false;
    $('import-errors').replaceChildren();
    $('import-summary').textContent = '正在导入… / Importing…';
    $('import-summary').className = '';
    try {
      const response = await fetch('api/evaluations/' + current.id + '/figures/import', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const errors = (body && body.errors) || [{ zh: '导入失败（' + response.status + '）', en: 'Import failed (' + response.status + ')' }];
        $('import-summary').textContent = '文件未导入，共 ' + errors.length + ' 处问题，请改正后重新导入 / Nothing was imported: ' + errors.length + ' problem(s)';
        $('import-summary').className = 'error';
        for (const e of errors) $('import-errors').appendChild(el('li', null, e.zh || '', ' ', el('span', 'en', e.en || '')));
        return;
      }
      $('import-summary').className = 'ok';
      $('import-summary').textContent = '已导入：新增 ' + body.stored + ' 项，替换 ' + body.replaced + ' 项，未变 ' + body.unchanged + ' 项，已确认未替换 '
        + body.keptConfirmed + ' 项，统计无数据待地区自报 ' + body.leftForSelfReport + ' 项 / Imported: ' + body.stored + ' new, '
        + body.replaced + ' replaced, ' + body.unchanged + ' unchanged, ' + body.keptConfirmed + ' confirmed kept, '
        + body.leftForSelfReport + ' left for self-report';
      $('import-file').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  // ---- gxj: confirmation start, scores and corrections, disputes ---------------------------------------
  function gxjBox(r) {
    $('gxj-box').hidden = !who.gxj || !(r.status === 'DATA_ENTRY' || r.status === 'CONFIRMATION');
    $('confirmation-start').hidden = r.status !== 'DATA_ENTRY';
    if (!who.gxj) return;
    const unit = $('score-unit'), indicator = $('score-indicator');
    const keepUnit = unit.value, keepIndicator = indicator.value;
    unit.replaceChildren();
    for (const u of localities) option(unit, u.id, u.nameZh);
    indicator.replaceChildren();
    // during data entry gxj scores its own indicators; otherwise every figure may be corrected (with a reason)
    const scored = r.indicators.filter(i => !isStatistics(i));
    for (const i of r.status === 'DATA_ENTRY' ? scored.concat(r.indicators.filter(isStatistics)) : r.indicators) {
      option(indicator, i.code, i.nameZh + (isStatistics(i) ? '（更正 / correction）' : ''));
    }
    if (keepUnit) unit.value = keepUnit;
    if (keepIndicator) indicator.value = keepIndicator;
    const disputed = r.figures.filter(f => f.status === 'DISPUTED');
    $('resolve-form').hidden = disputed.length === 0;
    $('resolve-figure').replaceChildren();
    for (const f of disputed) {
      const i = indicatorOf(f.indicator);
      option($('resolve-figure'), f.id, f.unitName + ' · ' + i.nameZh + ' ' + withUnit(f.value, i) + ' — 异议：' + (f.disputeReason || ''));
    }
  }

  $('confirmation-start').onclick = async () => {
    try {
      await api('POST', 'api/evaluations/' + current.id + '/confirmation-start', {});
      say('已开始数据确认，各地区在期限内确认或提出异议 / The confirmation period has started', 'ok');
      await Promise.all([show(current.id), rounds()]);
    } catch (e) { showError(e); }
  };

  $('score-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      const f = await api('POST', 'api/evaluations/' + current.id + '/figures/by-lead-bureau', { unit: $('score-unit').value,
        indicator: $('score-indicator').value, value: number($('score-value')), reason: $('score-reason').value || null });
      say('已保存：' + f.unitName + ' ' + indicatorOf(f.indicator).nameZh + ' ' + plain(f.value) + ' / Saved', 'ok');
      $('score-value').value = $('score-reason').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  $('resolve-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      const f = await api('POST', 'api/evaluations/' + current.id + '/figures/' + $('resolve-figure').value + '/resolution',
        { value: number($('resolve-value')), reason: $('resolve-reason').value });
      say('异议已处理：' + f.unitName + ' ' + indicatorOf(f.indicator).nameZh + ' ' + plain(f.value) + ' / Dispute resolved', 'ok');
      $('resolve-value').value = $('resolve-reason').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  // ---- the overview: every locality's status and figures (readers of every locality) --------------------
  /** A locality's state in the round, from its figures: 数据不全 / 含自报数据 / 已导入待确认 / 有异议 / 异议已处理 / 已确认. */
  function localityState(figures, indicatorCount) {
    if (figures.some(f => f.status === 'DISPUTED')) return { zh: '有异议', en: 'Disputed', cls: 'state-disputed' };
    if (figures.length === indicatorCount && figures.every(f => f.status === 'CONFIRMED')) {
      if (figures.some(f => f.confirmedHow === 'RESOLUTION')) return { zh: '异议已处理', en: 'Resolved', cls: 'state-confirmed' };
      if (figures.some(f => f.confirmedHow === 'SILENCE')) return { zh: '已确认（逾期视为确认）', en: 'Confirmed by silence', cls: 'state-confirmed' };
      return { zh: '已确认', en: 'Confirmed', cls: 'state-confirmed' };
    }
    if (figures.length < indicatorCount) return { zh: '数据不全（缺' + (indicatorCount - figures.length) + '项）', en: (indicatorCount - figures.length) + ' missing', cls: 'state-missing' };
    if (figures.some(f => f.origin === 'SELF_REPORTED' && f.status !== 'CONFIRMED')) return { zh: '含自报数据（附证明）待确认', en: 'Self-reported, with evidence', cls: 'state-self' };
    return { zh: '已导入待确认', en: 'Imported, to confirm', cls: 'state-entered' };
  }

  function overview(r) {
    const all = who.readsAll;
    $('overview-box').hidden = !all;
    if (!all) return;
    const head = document.querySelector('#overview thead');
    head.replaceChildren();
    const hr = head.insertRow();
    hr.appendChild(el('th', null, '地区 ', el('span', 'en', 'Locality')));
    hr.appendChild(el('th', null, '状态 ', el('span', 'en', 'Status')));
    for (const i of r.indicators) hr.appendChild(el('th', null, i.nameZh, i.unit ? '（' + i.unit + '）' : ''));
    const tbody = document.querySelector('#overview tbody');
    tbody.replaceChildren();
    for (const u of localities) {
      const figures = r.figures.filter(f => f.unit === u.id);
      const row = tbody.insertRow();
      row.dataset.unit = u.id;
      cell(row, u.nameZh);
      const state = localityState(figures, r.indicators.length);
      const td = cell(row, state.zh + ' ', 'state ' + state.cls);
      td.appendChild(el('span', 'en', state.en));
      for (const i of r.indicators) figureCell(row, figures.find(f => f.indicator === i.code), i);
    }
  }

  function figureCell(row, f, indicator) {
    if (!f) return cell(row, '—', 'figure muted');
    const td = cell(row, plain(f.value), 'figure');
    td.title = (ORIGIN[f.origin] || f.origin) + ' · ' + f.statusZh;
    if (f.origin === 'SELF_REPORTED') {
      const mark = el('div', 'mark-self', '自报' + (f.evidence ? '：' + f.evidence : ''));
      if (f.evidenceHref) mark.append(' ', evidenceLink(f));
      td.appendChild(mark);
    }
    if (f.status === 'DISPUTED') td.appendChild(el('div', 'mark-disputed', '异议：' + (f.disputeReason || '')));
    else if (f.status === 'CONFIRMED') td.appendChild(el('div', 'mark-confirmed', HOW[f.confirmedHow] || '已确认'));
    return td;
  }

  // ---- a locality: its own figures ---------------------------------------------------------------------
  function ownBox(r) {
    const mine = who.own;
    $('own-box').hidden = mine.length === 0;
    if (mine.length === 0) return;
    const unit = mine[0];
    $('own-title').replaceChildren(text(unitName(unit) + ' 本地区数据 '), el('span', 'en', 'Our figures'));
    const own = r.figures.filter(f => f.unit === unit);
    const tbody = document.querySelector('#own tbody');
    tbody.replaceChildren();
    for (const i of r.indicators) {
      const f = own.find(x => x.indicator === i.code);
      const row = tbody.insertRow();
      row.dataset.indicator = i.code;
      cell(row, i.nameZh);
      cell(row, f ? withUnit(f.value, i) : '—', 'figure');
      const origin = cell(row, f ? ORIGIN[f.origin] || f.origin : (i.selfReport && r.status === 'DATA_ENTRY' ? '待统计数据或自报' : '待导入'));
      if (f && (f.evidence || f.evidenceHref)) {
        const hint = el('div', 'hint', '证明材料：' + (f.evidence || ''));
        if (f.evidenceHref) hint.append(' ', evidenceLink(f));
        origin.appendChild(hint);
      }
      const status = cell(row, f ? f.statusZh : '');
      if (f && f.status === 'DISPUTED') status.appendChild(el('div', 'mark-disputed', '异议：' + (f.disputeReason || '')));
      if (f && f.status === 'CONFIRMED' && f.confirmedHow) status.appendChild(el('div', 'hint', HOW[f.confirmedHow] || ''));
    }
    // the API decides whether the period is still open (the working-day clock is the server's, not this browser's)
    const open = own.filter(f => f.status === 'ENTERED');
    const confirming = r.status === 'CONFIRMATION' && open.length > 0;
    if (r.status === 'CONFIRMATION' && r.confirmationDue) {
      $('own-deadline').textContent = confirming
        ? '请于 ' + dueText(r.confirmationDue) + '前确认本地区数据或对有误的数据提出异议（' + r.confirmationWorkingDays
          + '个工作日，按工作日历计算；逾期未提出异议的视为确认）'
        : own.some(f => f.status === 'DISPUTED') ? '本地区有异议的数据待市工信局处理；其余数据已确认（确认期限 ' + dueText(r.confirmationDue) + '）'
          : '本地区数据已全部确认（确认期限 ' + dueText(r.confirmationDue) + '）';
    } else if (r.status === 'DATA_ENTRY') {
      $('own-deadline').textContent = '数据填报中：市统计局导入统计数据后，市工信局将开始数据确认。统计部门无数据的指标可由本地区自报（须附证明材料）。';
    } else {
      $('own-deadline').textContent = '';
    }
    $('confirm-own').hidden = !confirming;
    $('dispute-form').hidden = !confirming;
    $('dispute-figure').replaceChildren();
    for (const f of open) {
      const i = indicatorOf(f.indicator);
      option($('dispute-figure'), f.id, i.nameZh + ' ' + withUnit(f.value, i));
    }
    // self-report: only the indicators that allow it, where no official figure exists, during data entry
    const reportable = r.indicators.filter(i => i.selfReport && !own.some(f => f.indicator === i.code && f.origin !== 'SELF_REPORTED'));
    $('self-form').hidden = r.status !== 'DATA_ENTRY' || reportable.length === 0;
    $('self-indicator').replaceChildren();
    for (const i of reportable) option($('self-indicator'), i.code, i.nameZh + (i.unit ? '（' + i.unit + '）' : ''));
  }

  $('confirm-own').onclick = async () => {
    try {
      const c = await api('POST', 'api/evaluations/' + current.id + '/localities/' + encodeURIComponent(who.own[0]) + '/confirmation', {});
      say('已确认 ' + c.confirmed + ' 项数据' + (c.disputed ? '（' + c.disputed + ' 项有异议，待市工信局处理）' : '') + ' / Confirmed ' + c.confirmed, 'ok');
      await show(current.id);
    } catch (e) { showError(e); }
  };

  $('dispute-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      await api('POST', 'api/evaluations/' + current.id + '/figures/' + $('dispute-figure').value + '/dispute', { reason: $('dispute-reason').value });
      say('已提出异议，待市工信局处理 / Disputed; the lead bureau resolves it', 'ok');
      $('dispute-reason').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  $('self-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      // the evidence file first (evidence module: checked by its content), then the figure naming it
      const file = $('self-file').files[0];
      if (!file) { say('请选择证明材料文件 / Choose the evidence file', 'error'); return; }
      const form = new FormData();
      form.append('unit', who.own[0]);
      form.append('measure', current.measure);
      form.append('file', file);
      const response = await fetch('api/evidence/locality-files', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
      const uploaded = await response.json().catch(() => null);
      if (!response.ok) {
        const e = (uploaded && uploaded.errors && uploaded.errors[0]) || { zh: '上传失败（' + response.status + '）', en: 'Upload failed' };
        say((e.zh || '') + ' / ' + (e.en || ''), 'error');
        return;
      }
      await api('POST', 'api/evaluations/' + current.id + '/figures/self-reported', { unit: who.own[0], indicator: $('self-indicator').value,
        value: number($('self-value')), evidence: $('self-evidence').value || null, evidenceFileId: uploaded.id });
      say('已自报，数据标注为“地区自报” / Self-reported', 'ok');
      $('self-value').value = $('self-evidence').value = $('self-file').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  // ---- the round's process (GET /api/evaluations/{id}/process) and a locality's 复核申请 ------------------------
  // The API decides what the caller sees (a locality: no preparer or checker, its own award case only).
  const REQUEST_STATUS = { OPEN: '待处理 / Open', KEPT: '维持排名 / Ranking kept', CORRECTED: '已更正 / Corrected' };

  async function processBox(r) {
    let p;
    try {
      p = await api('GET', 'api/evaluations/' + r.id + '/process');
    } catch (e) {
      $('process-box').hidden = true;
      return;
    }
    $('process-box').hidden = false;
    const dl = $('process-facts');
    dl.replaceChildren();
    const fact = (term, ...value) => dl.append(el('dt', null, term), el('dd', null, ...value));
    fact('流程状态 Status', p.statusZh || p.status);
    if (p.processNote) fact('流程 Process', p.processNote.zh, ' ', el('span', 'en', p.processNote.en));
    for (const t of p.openTasks || []) {
      fact('当前步骤 Step', t.name, t.due ? '（' + dueText(t.due) + '前办结，按工作日历计算 / due on the working-day clock）' : '');
    }
    if (p.preparedBy) fact('拟定人 Prepared by', p.preparedBy);
    if (p.checkedBy) fact('复核人 Checked by', p.checkedBy);
    if (p.approvalDocument) fact('市政府审定 Approval', p.approvalDocument + (p.approvalDate ? '（' + date(p.approvalDate) + '）' : ''));
    if (p.circulatedAt) fact('通报 Circulated', dateTime(p.circulatedAt));
    if (p.reviewDue) fact('复核期截止 Recheck until', dueText(p.reviewDue) + '前（按工作日历计算；复核期长度为', el('mark', 'default-mark', DEFAULT_MARK), '）');
    const awards = p.awardCases || [];
    $('process-awards').hidden = awards.length === 0;
    const tbody = document.querySelector('#process-awards tbody');
    tbody.replaceChildren();
    for (const a of awards) {
      const row = tbody.insertRow();
      cell(row, unitName(a.unit));
      cell(row, a.caseNumber || String(a.caseId));
      cell(row, Huiqi.money(a.amount), 'num');
      cell(row, a.statusZh || a.status || '');
    }
    const open = p.status === 'CIRCULATED' && p.reviewDue && new Date(p.reviewDue) > new Date() && who.own.length > 0;
    $('review-form').hidden = !open;
    if (open) {
      $('review-hint').textContent = '对本地区的数据或得分有疑问，可在 ' + dueText(p.reviewDue) + ' 前申请复核，市工信局在复核期届满后统一处理。'
        + ' / You may ask for a recheck of your figures or score until the window ends; 市工信局 handles the requests after it.';
    }
    await reviewRequests(r);
  }

  async function reviewRequests(r) {
    const list = $('review-requests');
    list.replaceChildren();
    let requests;
    try {
      requests = await api('GET', 'api/evaluations/' + r.id + '/review-requests');
    } catch (e) {
      return;
    }
    for (const q of requests) {
      list.appendChild(el('li', null, '复核申请 / Recheck: ', el('strong', null, unitName(q.unit)), ' ' + dateTime(q.filedAt) + ' ',
        q.reason, '；' + (REQUEST_STATUS[q.status] || q.status), q.answer ? '；答复：' + q.answer : ''));
    }
  }

  $('review-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      await api('POST', 'api/evaluations/' + current.id + '/review-requests', { unit: who.own[0], reason: $('review-reason').value });
      say('已申请复核 / Recheck requested', 'ok');
      $('review-reason').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  // ---- the timeline -------------------------------------------------------------------------------------
  async function timeline(r) {
    const list = $('timeline');
    list.replaceChildren();
    let events;
    try {
      events = await api('GET', 'api/evaluations/' + r.id + '/timeline');
    } catch (e) {
      $('timeline-box').hidden = true;
      return;
    }
    $('timeline-box').hidden = false;
    for (const e of events) {
      const what = [e.unit ? unitName(e.unit) : '', e.indicator ? indicatorOf(e.indicator).nameZh : ''].filter(Boolean).join(' · ');
      const value = (v) => OUTCOME_KINDS.includes(e.kind) && OUTCOME_WORDS[v] ? OUTCOME_WORDS[v]
        : /^\d{4}-\d{2}-\d{2}T/.test(v || '') ? dateTime(v) : withRuleNames(plain(v));
      const change = e.oldValue != null || e.newValue != null ? (e.oldValue == null ? '' : value(e.oldValue) + ' → ') + value(e.newValue) : '';
      list.appendChild(el('li', null, dateTime(e.at) + ' ', el('strong', null, e.actor), ' ', what, ' ', change, ' ', withRuleNames(e.detail) || '',
        e.reason ? '；理由：' + e.reason : ''));
    }
  }

  // ---- scores and ranking (GET /api/evaluations/{id}/ranking) -------------------------------------------
  // The API decides what the caller sees: every line for the lead bureau, statistics, policy staff and auditors;
  // a locality gets only its own line until the ranking is circulated (通报), and the page shows what it is sent.
  const GROUPS = { DISTRICT: '区', COUNTY: '县', DEVELOPMENT_ZONE: '开发区' };
  const GROUPS_EN = { DISTRICT: 'Districts', COUNTY: 'Counties', DEVELOPMENT_ZONE: 'Development zones' };
  const groupName = (g) => GROUPS[g] || g;
  let ranked = null;

  async function ranking(r) {
    ranked = null;
    $('ranking-box').hidden = true;
    $('ranking-closed').hidden = true;
    let answer;
    try {
      answer = await api('GET', 'api/evaluations/' + r.id + '/ranking');
    } catch (e) {
      // no ranking yet (409: figures still to confirm), or none for this caller: said where the ranking would be
      $('ranking-closed').hidden = false;
      $('ranking-closed').textContent = (e.errors && e.errors[0] ? label(e.errors[0]) : '') || '数据确认完成后显示评分与排名 / Scores and ranking follow the confirmation';
      return;
    }
    ranked = answer;
    $('ranking-box').hidden = false;
    rankingNote(answer, r);
    $('ranking-sheet-link').hidden = !who.gxj;
    $('ranking-sheet').href = 'api/evaluations/' + r.id + '/score-sheet.xlsx';
    rankingTables(answer, r);
    profileChoices(answer);
    charts();
  }

  function rankingNote(answer, r) {
    const k = answer.ranking;
    const note = $('ranking-note');
    note.replaceChildren();
    note.append(el('strong', null, '并列规则 '), k.tieBreakRule || '', el('br'),
      '评分规则：' + ruleName('locality-indicator-score') + ' 第' + k.versions.score + '版、' + ruleName('evaluation-award') + ' 第' + k.versions.award
        + '版（本轮开设时锁定）。评分办法、分组与奖励金额均为', el('mark', 'default-mark', DEFAULT_MARK), '，待政策部门确认。',
      ' ', el('span', 'en', 'Scores, groups and awards are system defaults awaiting confirmation; the tables are the versions the round pinned.'));
    if (k.provisional) note.append(el('br'), el('strong', 'default-rate', '暂定 '), k.provisionalNote || '评分和奖励金额暂按系统默认值计算，待政策部门确认');
    if (k.vetoReading) note.append(el('br'), el('strong', null, '安全生产否决 '), k.vetoReading);
    if (k.vetoReading) {
      // the declared rule for a vetoed place (the stored rankings of older rounds do not carry it: the rule has not changed)
      const rule = (k.vetoedAwardRule || '被否决地区所在名次的奖励不顺延给下一名：其余地区仍按本身名次获奖，该名次的奖励不予安排（系统默认值，待政策部门确认） / A vetoed place\'s award is not passed down').split(' / ');
      note.append(el('br'), el('strong', null, '否决名次的奖励 '), rule[0], ' ', el('span', 'en', rule[1] || ''));
    }
    if (!answer.allLines) {
      note.append(el('br'), el('strong', null, '本地区排名 '), '排名通报前，只显示本地区的得分与名次。',
        ' ', el('span', 'en', 'Until the ranking is circulated a locality sees only its own scores and rank.'));
    }
    if (answer.allLines && k.totalAward != null) {
      note.append(el('br'), '奖励合计 ' + Huiqi.money(k.totalAward) + '（' + Huiqi.wan(k.totalAward) + '，'
        + DEFAULT_MARK + '金额，拨付时以资金池和政策总额为限）');
    }
  }

  function rankingTables(answer, r) {
    const box = $('ranking-tables');
    box.replaceChildren();
    const lines = answer.ranking.lines;
    for (const group of Object.keys(GROUPS)) {
      const rows = lines.filter(l => l.group === group);
      if (rows.length === 0) continue;
      const table = el('table', 'ranking');
      table.dataset.group = group;
      table.appendChild(el('caption', null, groupName(group) + '组 ', el('span', 'en', GROUPS_EN[group] || '')));
      const head = table.createTHead().insertRow();
      head.appendChild(el('th', null, '名次 ', el('span', 'en', 'Rank')));
      head.appendChild(el('th', null, '地区 ', el('span', 'en', 'Locality')));
      for (const i of r.indicators) head.appendChild(el('th', null, i.nameZh, el('span', 'score', '实际值 / 得分 Figure / score')));
      head.appendChild(el('th', null, '总分 ', el('span', 'en', 'Total')));
      head.appendChild(el('th', null, '奖励 ', el('span', 'en', 'Award'), ' ', el('mark', 'default-mark', DEFAULT_MARK)));
      const body = table.createTBody();
      for (const l of rows) {
        const row = body.insertRow();
        row.dataset.unit = l.unitId;
        if (l.vetoed) row.className = 'vetoed';
        cell(row, String(l.rankInGroup), 'num');
        const name = cell(row, l.nameZh);
        if (l.vetoed) name.appendChild(el('div', 'veto-mark', '安全生产否决：不予奖励'));
        if (l.tieBreak) name.appendChild(el('div', 'tie-break', l.tieBreak));
        for (const i of r.indicators) {
          const sc = (l.scores || []).find(x => x.code === i.code);
          const td = cell(row, sc ? withUnit(sc.figure, i) : '', 'num');
          if (sc) td.appendChild(el('span', 'score', Huiqi.decimalText(sc.score, 2) + ' 分'));
        }
        cell(row, Huiqi.decimalText(l.total, 2), 'num total');
        const award = cell(row, Huiqi.money(l.award), 'num');
        if (l.award != null && Number(l.award) > 0) award.appendChild(el('span', 'score', Huiqi.wan(l.award)));
      }
      box.appendChild(table);
    }
  }

  function profileChoices(answer) {
    const select = $('profile-unit');
    const keep = select.value;
    select.replaceChildren();
    for (const l of answer.ranking.lines) option(select, l.unitId, l.nameZh);
    if (keep && answer.ranking.lines.some(l => l.unitId === keep)) select.value = keep;
    else if (who.own.length && answer.ranking.lines.some(l => l.unitId === who.own[0])) select.value = who.own[0];
  }
  $('profile-unit').onchange = () => charts();

  // The totals by group (one bar per locality, one colour per group) and one locality's indicator scores as a radar,
  // beside its group's average when the caller sees the group.
  // axis labels: a long unit name shortened (南昌高新技术产业开发区管委会 → 南昌高新技术…; the tooltip has it whole),
  // a long indicator name on two lines
  const shortName = (name) => { const n = name.replace(/管委会$/, ''); return n.length > 7 ? n.slice(0, 6) + '…' : n; };
  const twoLines = (name) => name.length > 7 ? name.slice(0, Math.ceil(name.length / 2)) + '\n' + name.slice(Math.ceil(name.length / 2)) : name;

  function charts() {
    if (!ranked || !window.HuiqiCharts) return;
    const lines = ranked.ranking.lines;
    const names = lines.map(l => l.nameZh);
    const phone = window.matchMedia('(max-width: 600px)').matches;
    HuiqiCharts.draw($('totals-chart'), {
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 36, bottom: 10, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: phone || names.length > 6 ? 45 : 0, formatter: shortName } },
      yAxis: { type: 'value', name: '总分' },
      series: Object.keys(GROUPS).filter(g => lines.some(l => l.group === g)).map(g => ({
        name: groupName(g), type: 'bar', stack: 'total',
        data: lines.map(l => l.group === g ? Number(l.total) : null),
        label: { show: !phone, position: 'top', formatter: (p) => p.value == null ? '' : p.value.toFixed(2) }
      }))
    });
    const unit = $('profile-unit').value;
    const line = lines.find(l => l.unitId === unit) || lines[0];
    if (!line) return;
    const codes = current.indicators.map(i => i.code);
    const scoreOf = (l, code) => { const sc = (l.scores || []).find(x => x.code === code); return sc ? Number(sc.score) : 0; };
    const peers = lines.filter(l => l.group === line.group);
    const max = codes.map(code => Math.max(...lines.map(l => scoreOf(l, code))) * 1.15 || 1);
    const series = [{ value: codes.map(code => scoreOf(line, code)), name: line.nameZh }];
    if (peers.length > 1) {
      series.push({ value: codes.map(code => Math.round(peers.reduce((a, l) => a + scoreOf(l, code), 0) / peers.length * 100) / 100),
        name: groupName(line.group) + '组平均' });
    }
    HuiqiCharts.draw($('profile-chart'), {
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      radar: { radius: phone ? '58%' : '65%', center: ['50%', '56%'],
        indicator: current.indicators.map((i, k) => ({ name: twoLines(i.nameZh.replace(/"/g, '')), max: Math.ceil(max[k]) })),
        axisName: { fontSize: phone ? 10 : 12 } },
      series: [{ type: 'radar', data: series, areaStyle: { opacity: 0.15 } }]
    });
  }

  // ---- safety veto (measure 6, 市工信局; GET/POST/DELETE /api/evaluations/vetoes) -----------------------
  async function vetoes(r) {
    $('veto-box').hidden = !(who.gxj && r.safetyVeto);
    if ($('veto-box').hidden) return;
    const year = Number(String(r.periodTo).substring(0, 4));
    let list;
    try {
      list = await api('GET', 'api/evaluations/vetoes?year=' + year);
    } catch (e) {
      showError(e, $('veto-reading'));
      $('veto-form').hidden = true;
      return;
    }
    $('veto-form').hidden = false;
    $('veto-reading').className = 'hint';
    $('veto-reading').textContent = (list[0] && list[0].reading) || '系统对“在保障生产安全的前提下”的理解：当年发生重特大安全生产事故的地区仍参与排名，但不予奖励（系统默认理解，待政策部门确认）';
    const tbody = document.querySelector('#vetoes tbody');
    tbody.replaceChildren();
    for (const v of list) {
      const row = tbody.insertRow();
      cell(row, v.unitName || unitName(v.unitId));
      cell(row, String(v.year));
      cell(row, v.reason);
      cell(row, v.evidenceRef);
      cell(row, (v.enteredBy || '') + ' ' + dateTime(v.enteredAt));
      cell(row, v.inForce ? '有效 / In force' : '已撤销：' + (v.revokeReason || '') + ' / Revoked');
      const actions = row.insertCell();
      if (v.inForce) {
        const revoke = el('button', 'danger', '撤销 ', el('span', 'en', 'Revoke'));
        revoke.type = 'button';
        revoke.onclick = async () => {
          const reason = window.prompt('撤销理由（必填，记录保留）/ Reason for revoking');
          if (reason == null) return;
          try {
            await api('DELETE', 'api/evaluations/vetoes/' + v.id, { reason });
            say('已撤销否决（记录保留）/ Veto revoked', 'ok');
            await show(current.id);
          } catch (e) { showError(e); }
        };
        actions.appendChild(revoke);
      }
    }
    const unit = $('veto-unit');
    const keep = unit.value;
    unit.replaceChildren();
    for (const u of localities) option(unit, u.id, u.nameZh);
    if (keep) unit.value = keep;
  }

  $('veto-form').onsubmit = async (event) => {
    event.preventDefault();
    try {
      await api('POST', 'api/evaluations/vetoes', { year: Number(String(current.periodTo).substring(0, 4)), unitId: $('veto-unit').value,
        reason: $('veto-reason').value, evidenceRef: $('veto-evidence').value });
      say('已录入安全生产否决（留痕）/ Safety veto entered', 'ok');
      $('veto-reason').value = $('veto-evidence').value = '';
      await show(current.id);
    } catch (e) { showError(e); }
  };

  // ---- start ---------------------------------------------------------------------------------------------
  async function start() {
    const user = await me;
    const groups = (user && user.groupIds) || [];
    const units = await api('GET', 'api/units').catch(() => []);
    localities = units.filter(u => u.kind === 'LOCALITY').map(u => ({ id: u.id, nameZh: u.nameZh }));
    who.gxj = groups.includes('gxj');
    who.tjj = groups.includes('tjj');
    who.readsAll = ['gxj', 'tjj', 'policy-admin', 'auditor'].some(g => groups.includes(g));
    who.own = localities.map(u => u.id).filter(id => groups.includes(id));
    if (!who.readsAll && who.own.length === 0) {
      say('地区评价仅供市工信局、市统计局、各县区（开发区）及政策管理、审计人员使用 / Locality evaluation is for the lead bureau, the statistics bureau, the localities, policy staff and auditors', 'error');
      return;
    }
    if (who.gxj) openForm().catch(showError);
    const list = await rounds();
    const id = location.hash ? location.hash.substring(1) : list.length ? String(list[0].id) : null;
    if (id) await show(id);
  }

  window.addEventListener('hashchange', () => { if (location.hash) show(location.hash.substring(1)).catch(showError); });
  // the page loads with #round[data-loading]: it stays until the first round is shown, or there is none to show
  start().catch(showError).finally(() => { if (!current) delete $('round').dataset.loading; });
})();
