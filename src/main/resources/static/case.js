// 办理进度 One case in plain words (case.html?n=<case number>; huiqi.js, loaded first): its status as a sentence with
// the step's unit (by name) and due date on the working-day clock, what waits for the enterprise (补正 →
// supplement.html), the rule's decision explained (GET /api/cases/{n}/explanation), the time limits, the timeline
// without raw codes, and 撤回 while the locality has not started verifying (POST /api/cases/{n}/withdrawal).
(function () {
  'use strict';
  const { api, el, text, date, dateTime, words, money, label, me, isEnterprise, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const caseNumber = new URLSearchParams(location.search).get('n');
  const zh = (bilingual) => String(bilingual || '').split(' / ')[0];
  const link = (href, ...children) => { const a = el('a', null, ...children); a.href = href; return a; };
  let unitNames = {};

  /** The unit's name for an id; ids never reach the page. */
  const unitName = (id) => unitNames[id] || '';

  /**
   * A timeline line without codes, Chinese only: unit ids in brackets become names, rule keys and versions go,
   * each English part (" / " up to the next Chinese text or " — ") goes, amounts read as 万元/亿元.
   */
  function plain(detail) {
    return String(detail || '')
      .replace(/\s*\[([a-z0-9-]+)\]/g, (m, id) => unitNames[id] ? '（' + unitNames[id] + '）' : '')
      .replace(/\b[a-z]+(?:-[a-z]+)+ v\d+[：:]\s*/g, '按规则认定：')
      .replace(/ \/ [^\u3000-\u9fff\uff00-\uffef—]*/g, '')
      .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, '')
      .replace(/[（(]\s*[)）]/g, '')
      .replace(/(\d+(?:\.\d{1,2})?)\s*元/g, (m, n) => words(n))
      .replace(/\s{2,}/g, ' ').trim();
  }

  function sentence(c) {
    const running = (c.steps || []).find(s => s.state === 'RUNNING' || s.state === 'SUPPLEMENT');
    const status = c.statusZh;
    if (running) {
      const who = running.state === 'SUPPLEMENT' ? '您' : (unitName(running.unit) || '经办单位');
      const due = running.due ? '，应于' + date(new Date(Date.parse(running.due) - 1).toISOString()) + '前办结' : '';
      const left = running.remainingDays >= 0 ? '（还剩' + running.remainingDays + '个工作日）' : '（已超期' + (-running.remainingDays) + '个工作日）';
      return '当前：' + status + '。正由' + who + '办理“' + zh(running.stepName) + '”' + due + (running.due ? left : '') + '。';
    }
    if (c.status === 'WITHDRAWN') return '当前：已撤回，案件已结束。';
    if (c.status === 'PAID') return '当前：已拨付' + (c.settledAmount != null ? ' ' + words(c.settledAmount) : '') + '，案件已办结。';
    if (c.status === 'NOT_ELIGIBLE' || c.status === 'REJECTED') return '当前：' + status + '，案件已结束。';
    return '当前：' + status + '。';
  }

  function facts(c) {
    const dl = $('facts');
    dl.replaceChildren();
    const add = (term, value) => { if (value) dl.append(el('dt', null, term), el('dd', null, value)); };
    add('申请企业', (c.enterprise || c.applicant || {}).name);
    add('属地', unitName(c.localityUnit));
    add('提交时间', dateTime(c.submittedAt));
    add('申报金额', c.claimedAmount != null ? money(c.claimedAmount) + '（' + words(c.claimedAmount) + '）' : '');
    add('认定奖励', c.rewardAmount != null ? money(c.rewardAmount) + '（' + words(c.rewardAmount) + '）' : '');
  }

  async function waitingForYou(c, user) {
    const box = $('waiting-for-you');
    const list = box.querySelector('ul');
    list.replaceChildren();
    if (c.status !== 'SUPPLEMENT_REQUESTED' || !isEnterprise(user)) { box.hidden = true; return; }
    let tasks = [];
    try {
      tasks = await api('GET', 'engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(c.caseNumber));
    } catch (e) { /* nothing to link */ }
    for (const t of tasks) {
      const go = link('supplement.html?task=' + encodeURIComponent(t.id), '补正材料 ', el('span', 'en', 'Supplement'));
      go.className = 'button';
      list.appendChild(el('li', null, el('span', 'grow', '审核单位请您补正材料' + (t.due ? '，期限 ' + date(t.due) : '') + '。'), go));
    }
    box.hidden = tasks.length === 0;
  }

  async function explanation() {
    const list = document.querySelector('#decision ul');
    list.replaceChildren();
    let e;
    try {
      e = await api('GET', 'api/cases/' + encodeURIComponent(caseNumber) + '/explanation');
    } catch (err) {
      return;
    }
    for (const line of e.lines) list.appendChild(el('li', null, line.zh, el('div', 'en', line.en)));
  }

  function steps(c) {
    const list = $('steps').querySelector('ul');
    list.replaceChildren();
    for (const s of c.steps || []) {
      const who = s.state === 'SUPPLEMENT' ? '企业' : unitName(s.unit);
      list.appendChild(el('li', null, el('span', 'grow', zh(s.stepName) + (who ? '（' + who + '）' : '')),
        el('span', null, '时限' + s.limitDays + '个工作日，已用' + s.elapsedDays),
        el('span', null, s.stateZh + (s.overdue ? '，已超期' : ''))));
    }
    $('steps').hidden = list.children.length === 0;
  }

  function timeline(c) {
    const list = $('history').querySelector('ul');
    list.replaceChildren();
    for (const e of c.timeline || []) {
      const what = plain(e.detail);
      if (!what) continue;
      list.appendChild(el('li', null, el('span', 'hint', dateTime(e.at)), el('span', 'grow', what)));
    }
  }

  async function load() {
    if (!caseNumber) { say('请从“我的申请”打开案件。 Open a case from your applications.', 'error'); return; }
    let c;
    try {
      const [units, view] = await Promise.all([api('GET', 'api/units').catch(() => []), api('GET', 'api/cases/' + encodeURIComponent(caseNumber))]);
      unitNames = Object.fromEntries(units.map(u => [u.id, u.nameZh]));
      c = view;
    } catch (e) {
      showError(e);
      return;
    }
    const user = await me;
    document.title = c.caseNumber + ' — 惠企 Huiqi';
    $('case-title').textContent = c.caseNumber + ' ' + (c.enterprise || c.applicant || {}).name;
    $('status-sentence').textContent = sentence(c);
    facts(c);
    steps(c);
    timeline(c);
    $('withdraw').hidden = !(isEnterprise(user) && c.status === 'LOCALITY_VERIFICATION');
    $('case').hidden = false;
    await Promise.all([explanation(), waitingForYou(c, user)]);
    $('case').dataset.ready = 'true';
  }

  $('withdraw-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = $('withdraw-reason').value.trim();
    if (!reason) { say('请填写撤回理由。 Please give a reason.', 'error'); return; }
    if (!confirm('确定撤回申请 ' + caseNumber + '？撤回后本申请结束，可以重新申请。')) return;
    $('withdraw-submit').disabled = true;
    try {
      await api('POST', 'api/cases/' + encodeURIComponent(caseNumber) + '/withdrawal', { reason });
      say('已撤回申请。可以重新申请。 Withdrawn; you may apply again.', 'ok');
      $('case').dataset.ready = '';
      await load();
    } catch (e) {
      showError(e);
    } finally {
      $('withdraw-submit').disabled = false;
    }
  });

  load();
})();
