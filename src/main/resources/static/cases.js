// 我的案件 The cases the signed-in user may see, and one case's timeline (huiqi.js, loaded first: session, formats).
(function () {
  'use strict';
  const { api, cell, text, money, dateTime, label, say, showError } = Huiqi;

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
    const body = document.querySelector('#detail tbody');
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
})();
