// The API answers to the session of the sign-in page (login.html; huiqi-session.js, loaded first).
const text = (value) => document.createTextNode(value == null ? '' : String(value));
const cell = (row, value, cls) => { const td = row.insertCell(); td.appendChild(text(value)); if (cls) td.className = cls; return td; };
const when = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai'}) : '';

async function load() {
  const response = await fetch('api/cases', {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    const body = await response.json().catch(() => ({errors: [{zh: '无法读取案件', en: 'Cannot read cases'}]}));
    document.getElementById('message').className = 'error';
    document.getElementById('message').textContent = body.errors.map(e => e.zh + ' / ' + e.en).join('; ');
    return;
  }
  const cases = await response.json();
  if (cases.length === 0) {
    document.getElementById('message').textContent = '暂无案件 / No cases';
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
    cell(row, c.statusZh + ' / ' + c.statusEn);
    cell(row, c.rewardAmount == null ? '' : Number(c.rewardAmount).toFixed(2), 'amount');
    cell(row, c.outcomeReason);
    cell(row, when(c.submittedAt));
  }
  document.getElementById('cases').hidden = false;
  if (location.hash) showTimeline(location.hash.substring(1));
}

async function showTimeline(caseNumber) {
  const response = await fetch('api/cases/' + encodeURIComponent(caseNumber));
  if (!response.ok) return;
  const c = await response.json();
  document.getElementById('detail-title').textContent = c.caseNumber + ' ' + c.enterprise.name + ' — ' + c.statusZh + ' / ' + c.statusEn;
  // the decision table version that decided the case (rules.html, read-only; docs/rules.md)
  if (c.decision) {
    const rule = document.createElement('a');
    rule.href = 'rules.html?key=' + encodeURIComponent(c.decision.key) + '&version=' + c.decision.version;
    rule.textContent = ' · 认定规则 Rule ' + c.decision.key + ' v' + c.decision.version;
    document.getElementById('detail-title').appendChild(rule);
  }
  const body = document.querySelector('#detail tbody');
  body.replaceChildren();
  for (const e of c.timeline) {
    const row = body.insertRow();
    cell(row, when(e.at));
    cell(row, e.actor);
    cell(row, e.detail);
  }
  document.getElementById('detail').hidden = false;
}

load();
