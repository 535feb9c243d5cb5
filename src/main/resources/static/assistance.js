// 企业帮扶 Assistance (assistance.html, measure 7), the officials' work page:
//  - the demands my unit handles or has handled: the case list GET /api/cases?measure=M7 (the API shows each unit what it
//    may see), each demand from GET /api/assistance/demands/<n> (unit, due date, overdue); each open one with its
//    task(s) to open in Tasklist (GET /engine-rest/task?processInstanceBusinessKey=);
//  - 走访记录 (locality units and gxj): POST /api/assistance/visits {enterpriseId, visitedOn, visitors, findings, problems:
//    [{category, title, description}]}, each problem a demand on the enterprise's behalf; GET /api/assistance/visits;
//  - 12345 import (locality units and gxj): template GET /api/assistance/hotline-imports/template, POST
//    /api/assistance/hotline-imports (multipart `file`): {created, cases: [{ticket, caseNumber}], alreadyImported: [ticket]}
//    or the row/column errors;
//  - the visit plan (localities: their own; gxj: any locality or the whole city): GET /api/assistance/visit-plan?unit=<id>:
//    {toVisit, skipped} (skipped: 无事不扰 with the reason).
// Who sees which part follows the API's rules (the API refuses anything else): handling units see their demands only.
(function () {
  'use strict';
  const { api, el, text, cell, date, me, say, showError } = Huiqi;
  const D = window.HuiqiDemand;
  const $ = (id) => document.getElementById(id);
  const FINAL = ['CLOSED', 'REPORTED_UPWARD', 'DECLINED', 'MERGED'];
  const SIZE = 50;
  const state = { units: {}, items: [], who: null };

  const unitName = (id) => (id ? state.units[id] || id : '');
  const zhOnly = (s) => (s == null ? '' : String(s).split(' / ')[0]);

  async function start() {
    const user = await me;
    let units = [];
    try { units = await api('GET', 'api/units'); } catch (e) { /* no unit names */ }
    for (const u of units) state.units[u.id] = u.nameZh;
    const groups = (user && user.groupIds) || [];
    const localities = units.filter(u => u.kind === 'LOCALITY');
    const who = {
      gxj: groups.includes('gxj'),
      auditor: groups.includes('auditor'),
      localities: localities.filter(u => groups.includes(u.id)),
      handling: units.filter(u => u.handling && groups.includes(u.id))
    };
    state.who = who;
    const mine = [...who.localities, ...who.handling];
    if (!who.gxj && !who.auditor && mine.length === 0) {
      $('unit-demands').hidden = true;
      say('本页供属地、市工信局与诉求办理单位使用。 / This page is for the localities, gxj and the units handling demands.', 'error');
      return;
    }
    $('unit-line').textContent = '本单位：' + (who.gxj ? '市工信局（全部诉求）' : who.auditor ? '审计监督（只读）'
      : mine.map(u => u.nameZh).join('、'));
    const records = who.gxj || who.localities.length > 0;
    $('visit-box').hidden = !records;
    $('hotline-box').hidden = !records;
    $('plan-box').hidden = !records;
    if (who.gxj) $('plan-unit').appendChild(Object.assign(el('option', null, '全市（市工信局）'), { value: 'gxj', title: 'the whole city' }));
    for (const u of who.gxj ? localities : who.localities) {
      const option = el('option', null, u.nameZh);
      option.value = u.id;
      $('plan-unit').appendChild(option);
    }
    await demands();
    if (records) {
      $('visit-date').value = todayInBeijing();
      await Promise.all([enterprises(), visits(), plan()]);
    }
  }

  function todayInBeijing() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }

  // ---- the unit's demands --------------------------------------------------------------------------------
  async function demands() {
    let cases;
    try {
      cases = (await api('GET', 'api/cases?measure=M7&sort=submittedAt&order=desc&size=' + SIZE)).items;
    } catch (e) { showError(e); return; }
    state.items = await Promise.all(cases.map(async c => {
      try {
        return D.flatten(await api('GET', 'api/assistance/demands/' + encodeURIComponent(c.caseNumber)));
      } catch (e) {
        return D.flatten(c);
      }
    }));
    await showDemands();
  }

  async function showDemands() {
    const filter = $('demand-filter').value;
    const shown = state.items.filter(item => {
      const final = FINAL.includes(item.status);
      if (filter === 'open') return !final;
      if (filter === 'final') return final;
      if (filter === 'overdue') return item.overdue;
      return true;
    });
    const body = document.querySelector('#unit-demand-list tbody');
    body.replaceChildren();
    const open = [];
    for (const item of shown) {
      const row = body.insertRow();
      row.dataset.case = item.caseNumber;
      const link = el('a', null, item.caseNumber);
      link.href = 'case.html?n=' + encodeURIComponent(item.caseNumber);
      row.insertCell().appendChild(link);
      cell(row, (item.enterprise && item.enterprise.name) || '');
      cell(row, item.categoryZh || D.category(item.category));
      cell(row, item.title || '');
      cell(row, item.originZh || D.origin(item.origin));
      row.insertCell().append(text(item.statusZh || ''), ' ', el('span', 'en', item.statusEn || ''));
      cell(row, unitName(item.unit));
      const due = row.insertCell();
      if (item.due) due.append(text(date(item.due)));
      if (item.paused) due.append(' ', el('span', 'hint', '（待企业补充，暂停计时）'));
      if (item.overdue) {
        row.classList.add('overdue');
        due.append(' ', el('mark', 'overdue', '已超期'));
      }
      const taskCell = row.insertCell();
      if (!FINAL.includes(item.status)) open.push({ item, taskCell });
    }
    document.querySelector('#unit-demands .empty').hidden = shown.length > 0;
    await Promise.all(open.map(async ({ item, taskCell }) => {
      let tasks = [];
      try {
        tasks = await api('GET', 'engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(item.caseNumber));
      } catch (e) { return; }
      for (const t of tasks) {
        const link = el('a', null, zhOnly(t.name).split(' · ')[0] || '办理', ' ', el('span', 'en', '(Tasklist)'));
        link.href = 'camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.id);
        taskCell.append(el('div', null, link, t.due ? el('span', 'hint', ' 期限 ' + date(t.due)) : ''));
      }
    }));
  }

  $('demand-filter').onchange = () => showDemands();

  // ---- visits --------------------------------------------------------------------------------------------
  /** The enterprises the caller may visit whose name has the search's words (100 at most, by name). */
  async function enterprises() {
    const select = $('visit-enterprise');
    const name = $('visit-search').value.trim();
    try {
      const page = await api('GET', 'api/enterprises?size=100&sort=name' + (name ? '&name=' + encodeURIComponent(name) : ''));
      select.replaceChildren(Object.assign(el('option', null, (page.items || []).length ? '请选择 Choose' : '没有找到 None found'), { value: '' }));
      for (const e of page.items || []) {
        const option = el('option', null, e.name);
        option.value = e.id;
        option.title = e.uscc;
        select.appendChild(option);
      }
      if ((page.items || []).length === 1) select.value = page.items[0].id;
    } catch (e) { showError(e, $('visit-result')); }
  }

  let searching = null;
  $('visit-search').oninput = () => {
    clearTimeout(searching);
    searching = setTimeout(enterprises, 300);
  };

  function addProblem() {
    const box = el('div', 'card visit-problem');
    const category = el('select');
    category.className = 'problem-category';
    category.append(Object.assign(el('option', null, '请选择类别 Category'), { value: '' }));
    D.options(category, D.categories);
    const utility = el('select');
    utility.className = 'problem-utility';
    utility.append(Object.assign(el('option', null, '请选择 Choose'), { value: '' }));
    D.options(utility, D.utilities);
    const utilityLabel = el('label', null, '要素类别 ', el('span', 'en', 'Utility'), utility);
    utilityLabel.hidden = true;
    category.onchange = () => {
      utilityLabel.hidden = category.value !== 'UTILITIES';
      if (utilityLabel.hidden) utility.value = '';
    };
    const scope = el('select');
    scope.className = 'problem-scope';
    scope.append(Object.assign(el('option', null, '由属地受理时判断 Decided on acceptance'), { value: '' }));
    D.options(scope, D.scopes);
    const title = el('input');
    title.className = 'problem-title';
    title.maxLength = 100;
    const description = el('textarea');
    description.className = 'problem-description';
    description.maxLength = 4000;
    description.rows = 2;
    const remove = el('button', null, '删除此问题 ', el('span', 'en', 'Remove'));
    remove.type = 'button';
    remove.onclick = () => box.remove();
    box.append(el('label', null, '诉求类别 ', el('span', 'en', 'Category'), category), utilityLabel,
      el('label', null, '层级 ', el('span', 'en', 'Level'), scope),
      el('label', null, '标题 ', el('span', 'en', 'Title'), title),
      el('label', null, '问题描述 ', el('span', 'en', 'Description'), description), remove);
    $('visit-problems').appendChild(box);
    return box;
  }

  $('visit-add-problem').onclick = () => addProblem().querySelector('select').focus();

  $('visit-form').onsubmit = async (event) => {
    event.preventDefault();
    const problems = [...document.querySelectorAll('#visit-problems .visit-problem')].map(box => {
      const problem = {
        category: box.querySelector('.problem-category').value,
        title: box.querySelector('.problem-title').value.trim(),
        description: box.querySelector('.problem-description').value.trim()
      };
      if (box.querySelector('.problem-utility').value) problem.utility = box.querySelector('.problem-utility').value;
      if (box.querySelector('.problem-scope').value) problem.scope = box.querySelector('.problem-scope').value;
      return problem;
    });
    const body = {
      enterpriseId: $('visit-enterprise').value ? Number($('visit-enterprise').value) : null,
      visitedOn: $('visit-date').value || null,
      visitors: $('visit-visitors').value.trim(),
      findings: $('visit-findings').value.trim(),
      problems
    };
    $('visit-submit').disabled = true;
    try {
      const answer = await api('POST', 'api/assistance/visits', body);
      const created = answer.demands || answer.created || [];
      const numbers = created.map(d => (typeof d === 'string' ? d : d.caseNumber));
      say('走访记录已保存' + (numbers.length ? '，生成诉求 ' + numbers.join('、') : '，未发现问题') + '。 / The visit is recorded'
        + (numbers.length ? '; demands ' + numbers.join(', ') : '') + '.', 'ok', $('visit-result'));
      $('visit-form').reset();
      $('visit-date').value = todayInBeijing();
      $('visit-problems').replaceChildren();
      await Promise.all([visits(), demands()]);
    } catch (e) {
      showError(e, $('visit-result'));
    } finally {
      $('visit-submit').disabled = false;
    }
  };

  async function visits() {
    let items = [];
    try {
      const answer = await api('GET', 'api/assistance/visits');
      items = Array.isArray(answer) ? answer : answer.items || [];
    } catch (e) { return; }
    const body = document.querySelector('#visit-list tbody');
    body.replaceChildren();
    for (const v of items) {
      const row = body.insertRow();
      cell(row, date(v.visitedOn));
      cell(row, v.enterpriseName || (v.enterprise && v.enterprise.name) || '');
      cell(row, v.visitors || '');
      cell(row, v.findings || '');
      const list = v.demands || v.caseNumbers || [];
      cell(row, list.map(d => (typeof d === 'string' ? d : d.caseNumber)).join('、'));
    }
  }

  // ---- 12345 -----------------------------------------------------------------------------------------------
  $('hotline-form').onsubmit = async (event) => {
    event.preventDefault();
    const file = $('hotline-file').files[0];
    if (!file) { say('请先选择填好的工单文件。 / Choose the filled file first.', 'error', $('hotline-summary')); $('hotline-result').hidden = false; return; }
    const form = new FormData();
    form.append('file', file);
    $('hotline-result').hidden = false;
    $('hotline-errors').replaceChildren();
    say('正在导入… / Importing…', '', $('hotline-summary'));
    $('hotline-submit').disabled = true;
    try {
      const response = await fetch('api/assistance/hotline-imports', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        const errors = (answer && answer.errors) || [{ zh: '导入失败（' + response.status + '）', en: 'Import failed (' + response.status + ')' }];
        say('文件未导入，共 ' + errors.length + ' 处问题，请改正后重新导入。 / Nothing was imported: ' + errors.length + ' problem(s).', 'error', $('hotline-summary'));
        for (const e of errors) $('hotline-errors').appendChild(el('li', null, e.zh || '', ' ', el('span', 'en', e.en || '')));
        return;
      }
      const createdCount = Number(answer.created || 0);
      const again = answer.alreadyImported || [];
      say('导入完成：新建诉求 ' + createdCount + ' 件，已导入过的工单 ' + again.length + ' 张（未重复生成）。 / Imported: '
        + createdCount + ' new demand(s), ' + again.length + ' ticket(s) imported before (nothing new).', 'ok', $('hotline-summary'));
      for (const c of answer.cases || []) $('hotline-errors').appendChild(el('li', 'ok', '工单 ' + c.ticket + ' → 诉求 ' + c.caseNumber));
      for (const t of again) $('hotline-errors').appendChild(el('li', 'muted', '工单 ' + t + ' 已导入过，未重复生成 / imported before'));
      $('hotline-file').value = '';
      await demands();
    } catch (e) {
      showError(e, $('hotline-summary'));
    } finally {
      $('hotline-submit').disabled = false;
    }
  };

  // ---- the visit plan --------------------------------------------------------------------------------------
  async function plan() {
    const unit = $('plan-unit').value;
    if (!unit) return;
    let answer;
    try {
      answer = await api('GET', 'api/assistance/visit-plan?unit=' + encodeURIComponent(unit));
    } catch (e) { showError(e); return; }
    const toVisit = document.querySelector('#plan-list tbody');
    toVisit.replaceChildren();
    for (const p of answer.toVisit || answer.visit || []) {
      const row = toVisit.insertRow();
      row.dataset.enterprise = p.enterpriseId || p.id || '';
      cell(row, p.name || p.enterpriseName || '');
      cell(row, p.uscc || '');
      cell(row, p.lastVisitedOn ? date(p.lastVisitedOn) : '—');
    }
    const skipped = document.querySelector('#plan-skipped tbody');
    skipped.replaceChildren();
    for (const p of answer.skipped || []) {
      const row = skipped.insertRow();
      row.dataset.enterprise = p.enterpriseId || p.id || '';
      cell(row, p.name || p.enterpriseName || '');
      cell(row, p.uscc || '');
      cell(row, (p.reasonZh || p.reason || '企业已申请无事不扰') + (p.since ? '（自 ' + date(p.since) + ' 起）' : ''));
    }
  }

  $('plan-show').onclick = () => plan();
  $('plan-unit').onchange = () => plan();

  start();
})();
