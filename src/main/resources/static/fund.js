// The API answers to the session of the sign-in page (login.html; huiqi-session.js, loaded first).
const text = (value) => document.createTextNode(value == null ? '' : String(value));
const cell = (row, value, cls) => { const td = row.insertCell(); td.appendChild(text(value)); if (cls) td.className = cls; return td; };
// Amounts arrive as JSON numbers with two decimals; show them with thousands separators, two decimals.
const yuan = (n) => n == null ? '' : Number(n).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const RULES = {PRO_RATA: '按比例缩减 / pro rata', FIRST_COME_FIRST_SERVED: '先到先得 / first come, first served'};

function fail(body) {
  const message = document.getElementById('message');
  message.className = 'error';
  message.textContent = body.errors.map(e => e.zh + ' / ' + e.en).join('; ');
}

async function getJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    fail(await response.json().catch(() => ({errors: [{zh: '无法读取资金数据', en: 'Cannot read the fund'}]})));
    return null;
  }
  return response.json();
}

async function loadPools() {
  const pools = await getJson('api/fund/pools');
  if (!pools) return;
  const body = document.querySelector('#pools tbody');
  const select = document.getElementById('measure');
  for (const p of pools) {
    const row = body.insertRow();
    const name = row.insertCell();
    const strong = document.createElement('strong');
    strong.appendChild(text(p.id));
    name.appendChild(strong);
    name.appendChild(text(' ' + p.nameZh));
    const en = document.createElement('div');
    en.className = 'en';
    en.appendChild(text(p.nameEn));
    name.appendChild(en);
    if (p.capSet) {
      cell(row, yuan(p.cap), 'amount');
    } else {
      cell(row, '0.00 尚未设定 / not set', 'amount muted');
    }
    cell(row, yuan(p.reserved), 'amount');
    cell(row, yuan(p.committed), 'amount');
    cell(row, yuan(p.paid), 'amount');
    cell(row, yuan(p.remaining), 'amount');
    cell(row, yuan(p.available), 'amount');
    cell(row, p.rule ? RULES[p.rule] || p.rule : '—');
    if (p.id !== 'PACKAGE') {
      const option = document.createElement('option');
      option.value = p.id;
      option.appendChild(text(p.id + ' ' + p.nameZh));
      select.appendChild(option);
    }
  }
  document.getElementById('pools-section').hidden = false;
}

async function loadLocalities() {
  const measure = document.getElementById('measure').value;
  const totals = await getJson('api/fund/localities' + (measure ? '?measure=' + encodeURIComponent(measure) : ''));
  if (!totals) return;
  const body = document.querySelector('#localities tbody');
  body.replaceChildren();
  for (const t of totals) {
    const row = body.insertRow();
    const name = row.insertCell();
    name.appendChild(text(t.nameZh + ' '));
    const en = document.createElement('span');
    en.className = 'en';
    en.appendChild(text(t.nameEn));
    name.appendChild(en);
    cell(row, t.cases, 'amount');
    cell(row, yuan(t.reserved), 'amount');
    cell(row, yuan(t.committed), 'amount');
    cell(row, yuan(t.paid), 'amount');
  }
  document.getElementById('localities-section').hidden = false;
}

document.getElementById('measure').onchange = loadLocalities;
loadPools().then(loadLocalities);
