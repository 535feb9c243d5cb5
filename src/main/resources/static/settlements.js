// The API answers to the browser session: the sign-in page (quick start) or Keycloak (huiqi-session.js, loaded first).
const $ = (id) => document.getElementById(id);
const text = (v) => document.createTextNode(v == null ? '' : String(v));
const money = (v) => v == null ? '' : Number(v).toFixed(2);
let current = null;

function say(body, isError) {
  $('message').className = isError ? 'error' : '';
  $('message').textContent = body && body.errors ? body.errors.map(e => (e.field ? e.field + ': ' : '') + e.zh + ' / ' + e.en).join('；') : body;
}

async function call(method, url, payload) {
  const response = await fetch(url, {method, headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: payload === undefined ? undefined : JSON.stringify(payload)});
  const body = await response.json().catch(() => null);
  if (!response.ok) { say(body || '请求失败 / Request failed', true); return null; }
  return body;
}

async function list() {
  const settlements = await call('GET', 'api/settlements');
  if (!settlements) return;
  const tbody = document.querySelector('#settlements tbody');
  tbody.replaceChildren();
  for (const s of settlements) {
    const row = tbody.insertRow();
    const link = document.createElement('a');
    link.href = '#' + s.id; link.appendChild(text(s.id)); link.onclick = () => show(s.id);
    row.insertCell().appendChild(link);
    for (const v of [s.measure, s.ruleZh, money(s.available), money(s.asked), money(s.granted), money(s.remainder), s.statusZh + ' / ' + s.statusEn]) {
      row.insertCell().appendChild(text(v));
    }
  }
  if (location.hash) show(location.hash.substring(1));
}

async function show(id) {
  const s = await call('GET', 'api/settlements/' + encodeURIComponent(id));
  if (!s) return;
  current = s;
  $('detail-title').textContent = '第 ' + s.id + ' 批 ' + s.measure + ' — ' + s.statusZh + ' / ' + s.statusEn;
  $('notice-list').href = 'api/settlements/' + s.id + '/notice-list.xlsx';
  $('payment-list').href = 'api/settlements/' + s.id + '/payment-list.xlsx';
  const tbody = document.querySelector('#lines tbody');
  tbody.replaceChildren();
  for (const l of s.lines) {
    const row = tbody.insertRow();
    const box = document.createElement('input');
    box.type = 'checkbox'; box.value = l.caseNumber;
    box.disabled = !(l.status === 'PENDING_PAYMENT' || l.status === 'FAILED');
    row.insertCell().appendChild(box);
    for (const v of [l.caseNumber, l.enterpriseName, money(l.asked), money(l.granted), l.statusZh + ' / ' + l.statusEn,
      l.paymentReference, l.paymentDate, l.failureReason]) {
      row.insertCell().appendChild(text(v));
    }
  }
  $('pay-form').hidden = s.status !== 'DISBURSEMENT';
  $('detail').hidden = false;
}

const selected = () => [...document.querySelectorAll('#lines tbody input:checked')].map(b => b.value);

$('start-button').onclick = async () => {
  const started = await call('POST', 'api/settlements', {measure: $('measure').value});
  if (started) { say('已发起结算 / Settlement started: ' + started.processInstanceId); setTimeout(list, 1500); }
};
$('pay-button').onclick = async () => {
  const payments = selected().map(caseNumber => ({caseNumber, paymentReference: $('reference').value, paymentDate: $('date').value}));
  if (await call('POST', 'api/settlements/' + current.id + '/payments', {payments})) { say('已确认 / Confirmed'); show(current.id); }
};
$('fail-button').onclick = async () => {
  for (const caseNumber of selected()) {
    if (!await call('POST', 'api/settlements/' + current.id + '/failures', {caseNumber, reason: $('reason').value})) return;
  }
  say('已登记 / Recorded'); show(current.id);
};
/** The measures that are settled: from the catalogue (GET /api/measures), those that pay money and take applications. */
async function measures() {
  const catalogue = await call('GET', 'api/measures');
  if (!catalogue) return;
  $('measure').replaceChildren(...catalogue.measures.filter(m => m.paysMoney && m.applicationPath).map(m => {
    const option = document.createElement('option');
    option.value = m.id;
    option.appendChild(text(m.id + ' ' + m.name.zh + ' / ' + m.name.en));
    return option;
  }));
}
measures();
list();
