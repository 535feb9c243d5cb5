// 我的案件 The cases the signed-in user may see, one case's time limits and timeline, and the 督办 items of a lead
// unit (huiqi.js, loaded first: session, formats).
(function () {
  'use strict';
  const { api, cell, text, money, date, dateTime, label, say, showError } = Huiqi;

  /** A period ends at 24:00 of its last day (Asia/Shanghai): show that day. */
  const lastDay = (end) => end ? date(new Date(Date.parse(end) - 1).toISOString()) : '';

  async function loadSupervision() {
    let items;
    try {
      items = await api('GET', 'api/supervision');
    } catch (e) {
      return; // only lead units read 督办 items
    }
    const body = document.querySelector('#supervision tbody');
    for (const item of items) {
      const row = body.insertRow();
      cell(row, item.subject);
      cell(row, item.stepName);
      cell(row, item.unitName || item.unit);
      cell(row, lastDay(item.due));
      cell(row, item.overdueDays, 'amount');
    }
    if (items.length === 0) cell(body.insertRow(), '暂无督办事项 / Nothing overdue');
    document.getElementById('supervision').hidden = false;
  }

  async function load() {
    let cases;
    try {
      cases = await api('GET', 'api/cases');
    } catch (e) {
      showError(e);
      return;
    }
    if (cases.length === 0) {
      say('暂无案件 / No cases');
      return;
    }
    const body = document.querySelector('#cases tbody');
    for (const c of cases) {
      const row = body.insertRow();
      const link = document.createElement('a');
      link.href = '#' + c.caseNumber;
      link.appendChild(text(c.caseNumber));
      link.onclick = () => showTimeline(c.caseNumber);
      row.insertCell().appendChild(link);
      cell(row, c.enterprise.name);
      cell(row, label(c, 'status'));
      cell(row, money(c.rewardAmount), 'amount');
      cell(row, c.outcomeReason);
      cell(row, dateTime(c.submittedAt));
    }
    document.getElementById('cases').hidden = false;
    if (location.hash) showTimeline(location.hash.substring(1));
  }

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
    document.getElementById('detail').hidden = false;
  }

  load();
  loadSupervision();
})();
