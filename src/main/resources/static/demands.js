// 我的诉求 My demands (demands.html, measure 7), for an enterprise login (its own account or an agent acting for it):
//  - the enterprise's demands: the case list GET /api/cases?measure=M7&enterprise=<id>, each demand from
//    GET /api/assistance/demands/<n> (category, title, the unit handling it, due date on the working-day clock, reply);
//  - 提出诉求: POST /api/assistance/demands (Idempotency-Key: a retry is the same demand) with category, scope hint,
//    utility (水电气要素保障 only), title, description and the evidence drafts uploaded beforehand;
//  - a demand's detail: GET /api/assistance/demands/<n> (the case with its steps and timeline — the units' progress
//    notes and the enterprise's additions — and the demand's own fields); 补充说明: POST /api/assistance/demands/<n>/notes {text};
//    the enterprise's open tasks (provide information, rate) from GET /engine-rest/task?processInstanceBusinessKey=<n>,
//    each rendered with its deployed Camunda Form (forms.js) and submitted with submit-form (only the form's fields;
//    the task contract refuses anything else);
//  - 无事不扰: GET /api/assistance/no-visit?enterpriseId=<id>, PUT /api/assistance/no-visit {enterpriseId, on}.
// Texts go into the page as text, never as HTML. Labels of the codes: demand-labels.js (window.HuiqiDemand).
(function () {
  'use strict';
  const { api, el, text, date, dateTime, me, isEnterprise, say, showError } = Huiqi;
  const D = window.HuiqiDemand;
  const $ = (id) => document.getElementById(id);
  const FINAL = ['CLOSED', 'REPORTED_UPWARD', 'DECLINED', 'MERGED'];
  const state = { enterprise: null, key: newKey(), detail: null, units: {} };

  function newKey() {
    return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  }

  const zhOnly = (s) => (s == null ? '' : String(s).split(' / ')[0]);
  const unitName = (id) => (id ? state.units[id] || id : '');

  // ---- the enterprise ------------------------------------------------------------------------------------
  async function start() {
    const user = await me;
    if (!isEnterprise(user)) {
      for (const id of ['acting', 'my-demands', 'new-demand', 'no-visit']) $(id).hidden = true;
      say('本页供企业使用：经办人员请使用“企业帮扶”页面。 / This page is for enterprises; officials use the assistance page.', 'error');
      return;
    }
    D.options($('demand-category'), D.categories);
    D.options($('demand-scope'), D.scopes);
    D.options($('demand-utility'), D.utilities);
    let enterprises = [];
    try {
      enterprises = (await api('GET', 'api/enterprises?size=100')).items;
    } catch (e) {
      showError(e);
    }
    if (enterprises.length === 0) {
      $('enterprise-name').textContent = '本账号尚未绑定企业，请联系属地或市工信局。';
      $('new-demand').hidden = true;
      return;
    }
    state.enterprise = Huiqi.actingFor(enterprises, enterprise => {
      state.enterprise = enterprise;
      $('detail').hidden = true;
      refresh();
    });
    try {
      for (const u of (await api('GET', 'api/units')) || []) state.units[u.id] = u.nameZh;
    } catch (e) { /* unit ids are shown as they are */ }
    state.drafts = Huiqi.draftUploader($('evidence-slot'), 'M7', 1, state.enterprise.id);
    await refresh();
    const wanted = new URLSearchParams(location.search).get('n');
    if (wanted) showDetail(wanted);
  }

  function refresh() {
    $('enterprise-name').textContent = state.enterprise.name;
    $('enterprise-uscc').textContent = state.enterprise.uscc;
    return Promise.all([list(), noVisit()]);
  }

  // ---- the list ------------------------------------------------------------------------------------------
  /** A demand flattened (HuiqiDemand.flatten) from GET /api/assistance/demands/<n>, else the case as listed. */
  async function demand(caseNumber, fallback) {
    try {
      return D.flatten(await api('GET', 'api/assistance/demands/' + encodeURIComponent(caseNumber)));
    } catch (e) {
      if (fallback) return D.flatten(fallback);
      return D.flatten(await api('GET', 'api/cases/' + encodeURIComponent(caseNumber)));
    }
  }

  async function list() {
    const id = encodeURIComponent(state.enterprise.id);
    let cases;
    try {
      cases = (await api('GET', 'api/cases?measure=M7&sort=submittedAt&order=desc&size=50&enterprise=' + id)).items;
    } catch (e) { showError(e); return; }
    const items = await Promise.all(cases.map(c => demand(c.caseNumber, c)));
    const body = document.querySelector('#demand-list tbody');
    body.replaceChildren();
    for (const item of items) {
      const row = body.insertRow();
      row.dataset.case = item.caseNumber;
      const open = el('a', null, item.caseNumber);
      open.href = 'demands.html?n=' + encodeURIComponent(item.caseNumber);
      open.onclick = (event) => { event.preventDefault(); showDetail(item.caseNumber); };
      row.insertCell().appendChild(open);
      row.insertCell().append(text(item.categoryZh || D.category(item.category)));
      row.insertCell().append(text(item.title || ''));
      row.insertCell().append(text(item.statusZh || ''), ' ', el('span', 'en', item.statusEn || ''));
      row.insertCell().append(text(FINAL.includes(item.status) && !item.responsibleUnit ? '' : unitName(item.unit)));
      const due = row.insertCell();
      if (item.due) due.append(text(date(item.due)));
      if (item.overdue) due.append(' ', el('mark', 'overdue', '已超期'));
      if (item.paused) due.append(' ', el('span', 'hint', '（等待企业补充，暂停计时）'));
      const reply = row.insertCell();
      if (item.replyOutcome) reply.append(el('strong', null, D.outcome(item.replyOutcome)), ' ');
      if (item.replyText) reply.append(text(item.replyText.length > 60 ? item.replyText.substring(0, 60) + '…' : item.replyText));
      if (!item.replyText && item.declineReason) reply.append(text('不予受理：' + item.declineReason));
    }
    document.querySelector('#my-demands .empty').hidden = items.length > 0;
  }

  // ---- one demand ----------------------------------------------------------------------------------------
  async function showDetail(caseNumber) {
    let view;
    try {
      view = await demand(caseNumber);
    } catch (e) { showError(e); return; }
    state.detail = caseNumber;
    const box = $('detail');
    $('detail-title').textContent = caseNumber + ' · ' + (view.title || '');
    const facts = $('detail-facts');
    facts.replaceChildren();
    const fact = (dt, dd) => { if (dd != null && dd !== '') facts.append(el('dt', null, dt), el('dd', null, dd)); };
    fact('状态', (view.statusZh || '') + (view.statusEn ? ' / ' + view.statusEn : ''));
    fact('类别', view.categoryZh || D.category(view.category));
    if (view.utility) fact('要素', D.utility(view.utility));
    if (view.scope) fact('层级', D.scope(view.scope));
    fact('来源', view.originZh || D.origin(view.origin));
    if (!FINAL.includes(view.status) || view.responsibleUnit) fact('办理单位', unitName(view.unit));
    if (view.due) fact('办理期限', date(view.due) + (view.overdue ? '（已超期）' : view.paused ? '（等待企业补充，暂停计时）' : ''));
    fact('提出时间', view.submittedAt ? dateTime(view.submittedAt) : '');
    fact('诉求内容', view.description);
    if (view.declineReason) fact('不予受理理由', view.declineReason);
    const reply = $('detail-reply');
    reply.hidden = !view.replyText;
    if (view.replyText) {
      reply.replaceChildren(el('h3', null, '答复 ', el('span', 'en', 'Reply')),
        el('p', null, el('strong', null, D.outcome(view.replyOutcome)), ' ', view.replyText));
      if (view.rating) {
        reply.append(el('p', 'hint', '评价：' + D.rating(view.rating) + (view.ratingBySilence ? '（期限内未评价，按默认处理）' : '')));
      }
    }
    const timeline = $('detail-timeline');
    timeline.replaceChildren();
    for (const line of view.timeline || []) {
      timeline.append(el('li', null, el('span', 'muted', dateTime(line.at) + ' '), zhOnly(line.detail || line.action)));
    }
    $('detail-case').href = 'case.html?n=' + encodeURIComponent(caseNumber);
    $('addition-form').hidden = FINAL.includes(view.status);
    box.hidden = false;
    await tasks(caseNumber);
    box.scrollIntoView({ block: 'start' });
  }

  /** The enterprise's open tasks of the demand (provide information, rate), each with its deployed form. */
  async function tasks(caseNumber) {
    const slot = $('detail-tasks');
    slot.replaceChildren();
    let open = [];
    try {
      open = await api('GET', 'engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(caseNumber));
    } catch (e) { return; }
    for (const task of open) {
      const card = el('div', 'demand-task');
      card.dataset.task = task.id;
      const formBox = el('div');
      const button = el('button', 'primary', '提交 ', el('span', 'en', 'Submit'));
      button.type = 'button';
      const note = el('p', null);
      card.append(el('h3', null, zhOnly(task.name)), task.due ? el('p', 'hint', '请于 ' + date(task.due) + ' 前办理') : '', formBox,
        el('p', 'form-actions', button), note);
      slot.appendChild(card);
      try {
        const base = 'engine-rest/task/' + encodeURIComponent(task.id);
        const [schema, variables] = await Promise.all([api('GET', base + '/deployed-form'), api('GET', base + '/form-variables')]);
        const writable = writableKeys(schema.components);
        const rendered = await HuiqiForms.render(formBox, schema, HuiqiForms.plainVariables(variables));
        button.onclick = () => submitTask(task.id, rendered, writable, formBox, button, note);
      } catch (e) {
        showError(e, note);
        button.disabled = true;
      }
    }
  }

  function writableKeys(components, keys = []) {
    for (const c of components || []) {
      if (c.components) writableKeys(c.components, keys);
      else if (c.key && !c.disabled && !c.readonly) keys.push(c.key);
    }
    return keys;
  }

  async function submitTask(taskId, rendered, writable, formBox, button, note) {
    if (document.activeElement && formBox.contains(document.activeElement)) document.activeElement.blur();
    const { data, errors } = rendered.submit();
    if (Object.keys(errors).length > 0) {
      say('请按标红处的提示修改后再提交。 / Please correct the fields marked in red.', 'error', note);
      return;
    }
    const variables = {};
    for (const key of writable) if (data[key] !== undefined && data[key] !== null) variables[key] = { value: data[key] };
    button.disabled = true;
    try {
      await api('POST', 'engine-rest/task/' + encodeURIComponent(taskId) + '/submit-form', { variables });
      say('已提交。 / Submitted.', 'ok');
      await Promise.all([list(), showDetail(state.detail)]);
    } catch (e) {
      showError(e, note);
      button.disabled = false;
    }
  }

  $('addition-form').onsubmit = async (event) => {
    event.preventDefault();
    const value = $('addition-text').value.trim();
    if (!value) { say('请填写补充说明。 / Please write the information to add.', 'error'); return; }
    $('addition-submit').disabled = true;
    try {
      await api('POST', 'api/assistance/demands/' + encodeURIComponent(state.detail) + '/notes', { text: value });
      $('addition-text').value = '';
      say('补充说明已提交，办理单位可以看到。 / Added; the handling unit sees it.', 'ok');
      await showDetail(state.detail);
    } catch (e) {
      showError(e);
    } finally {
      $('addition-submit').disabled = false;
    }
  };

  // ---- a new demand --------------------------------------------------------------------------------------
  $('demand-category').onchange = () => {
    const utilities = $('demand-category').value === 'UTILITIES';
    $('utility-choice').hidden = !utilities;
    if (!utilities) $('demand-utility').value = '';
  };

  function problemsOfTheForm() {
    const problems = [];
    const need = (id, zh, en) => {
      const field = $(id);
      const missing = !field.value.trim();
      field.classList.toggle('invalid', missing);
      if (missing) problems.push('【' + zh + '】请填写此项 / ' + en + ' is required');
    };
    need('demand-category', '诉求类别', 'category');
    if ($('demand-category').value === 'UTILITIES') need('demand-utility', '要素类别', 'utility');
    need('demand-title', '标题', 'title');
    need('demand-description', '诉求内容', 'description');
    return problems;
  }

  $('demand-form').onsubmit = async (event) => {
    event.preventDefault();
    const problems = problemsOfTheForm();
    if (problems.length) { say(problems.join('\n'), 'error'); return; }
    const body = {
      enterpriseId: state.enterprise.id,
      category: $('demand-category').value,
      scope: $('demand-scope').value || null,
      utility: $('demand-utility').value || null,
      title: $('demand-title').value.trim(),
      description: $('demand-description').value.trim()
    };
    if (state.drafts && state.drafts.ids().length) body.evidenceDrafts = state.drafts.ids();
    $('demand-submit').disabled = true;
    try {
      const response = await fetch('api/assistance/demands', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': state.key },
        body: JSON.stringify(body)
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) throw new Huiqi.ApiError(response.status, (answer && answer.errors) || [{ zh: '提交失败（' + response.status + '）', en: 'Submission failed' }]);
      state.key = newKey();
      $('demand-form').reset();
      $('utility-choice').hidden = true;
      state.drafts = Huiqi.draftUploader($('evidence-slot'), 'M7', 1, state.enterprise.id);
      say('诉求已提交，编号 ' + answer.caseNumber + '，属地将尽快受理。 / Submitted as ' + answer.caseNumber + '.', 'ok');
      await list();
      await showDetail(answer.caseNumber);
    } catch (e) {
      showError(e);
    } finally {
      $('demand-submit').disabled = false;
    }
  };

  // ---- 无事不扰 --------------------------------------------------------------------------------------------
  function showNoVisit(answer) {
    const on = Boolean(answer && answer.on);
    $('no-visit-switch').checked = on;
    $('no-visit-switch').disabled = false;
    const since = answer && answer.since;
    $('no-visit-state').textContent = on
      ? '已开启' + (since ? '（自 ' + date(since) + ' 起）' : '') + '：例行走访将跳过本企业。 / On: routine visits skip you.'
      : '未开启：各单位可按计划走访。 / Off: units may visit as planned.';
  }

  async function noVisit() {
    try {
      showNoVisit(await api('GET', 'api/assistance/no-visit?enterpriseId=' + encodeURIComponent(state.enterprise.id)));
    } catch (e) {
      $('no-visit-state').textContent = '暂时无法读取无事不扰设置。 / The setting cannot be read now.';
    }
  }

  $('no-visit-switch').onchange = async () => {
    const wanted = $('no-visit-switch').checked;
    $('no-visit-switch').disabled = true;
    try {
      showNoVisit(await api('PUT', 'api/assistance/no-visit', { enterpriseId: state.enterprise.id, on: wanted }));
      say(wanted ? '已开启无事不扰。 / Do not disturb is on.' : '已关闭无事不扰。 / Do not disturb is off.', 'ok');
    } catch (e) {
      showError(e);
      $('no-visit-switch').checked = !wanted;
      $('no-visit-switch').disabled = false;
    }
  };

  start();
})();
