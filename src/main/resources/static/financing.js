// 融资需求 Financing demands (financing.html, measure 8; docs/financing.md).
//  - an enterprise (or its agent): its demands (GET /api/financing/demands), a new one (POST /api/financing/demands with
//    Idempotency-Key and explicit consent), the consent changed (PUT .../consent) or revoked (DELETE .../consent), who
//    took it up and their offers, accepting one (POST .../accept), the institutions' read log (GET .../read-log);
//  - jrb, gxj, zxqyj, the enterprise's locality: the demands they may read, read-only; they screen and coordinate in Tasklist.
// Texts go into the page as text, never as HTML.
(function () {
  'use strict';
  const { api, el, text, dateTime, me, isEnterprise, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const state = { enterprise: null, enterpriseUser: false, key: newKey(), options: null, detail: null };

  function newKey() {
    return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  }

  async function start() {
    const user = await me;
    state.enterpriseUser = isEnterprise(user);
    try {
      state.options = await api('GET', 'api/financing/consent-options');
    } catch (e) {
      showError(e);
      return;
    }
    if (state.enterpriseUser) {
      let enterprises = [];
      try { enterprises = (await api('GET', 'api/enterprises?size=100')).items; } catch (e) { showError(e); }
      if (enterprises.length > 0) {
        $('acting').hidden = false;
        $('new-demand').hidden = false;
        state.enterprise = Huiqi.actingFor(enterprises, enterprise => { state.enterprise = enterprise; $('enterprise-name').textContent = enterprise.name; refresh(); });
        $('enterprise-name').textContent = state.enterprise.name;
      }
      consentForm();
    } else {
      $('screen-link').hidden = false;
    }
    await refresh();
    const wanted = new URLSearchParams(location.search).get('n');
    if (wanted) await open(wanted);
  }

  function consentForm() {
    const kinds = $('f-kind');
    for (const k of state.options.guaranteeKinds) kinds.appendChild(new Option(k.zh + ' ' + k.en, k.code));
    kinds.addEventListener('change', () => { $('order-fields').hidden = kinds.value !== 'ORDER_FINANCING'; });
    for (const f of state.options.fields) {
      const box = el('input');
      box.type = 'checkbox'; box.name = 'field'; box.value = f.code;
      if (f.required) { box.checked = true; box.disabled = true; }
      $('consent-field-list').appendChild(el('label', null, box, text(' ' + f.zh + ' '), el('span', 'en', text(f.en))));
    }
    for (const i of state.options.institutions) {
      const box = el('input');
      box.type = 'checkbox'; box.name = 'institution'; box.value = i.unitId;
      $('consent-institutions').appendChild(el('label', null, box, text(' ' + i.nameZh + (i.demo ? '（演示）' : ''))));
    }
  }

  function consentBody() {
    const audience = document.querySelector('input[name=audience]:checked').value;
    const body = { audience, fields: [...document.querySelectorAll('input[name=field]:checked')].map(b => b.value) };
    if (audience === 'CHOSEN') body.institutions = [...document.querySelectorAll('input[name=institution]:checked')].map(b => b.value);
    return body;
  }

  async function refresh() {
    const body = document.querySelector('#demand-list tbody');
    body.textContent = '';
    let rows = [];
    try { rows = await api('GET', 'api/financing/demands'); } catch (e) { showError(e); }
    for (const d of rows) {
      const link = el('a', null, text(d.caseNumber));
      link.href = '#';
      link.addEventListener('click', (ev) => { ev.preventDefault(); open(d.caseNumber); });
      body.appendChild(el('tr', null, el('td', null, link), el('td', 'num', text(d.terms.amount)), el('td', null, text(d.terms.termMonths + ' 个月')),
        el('td', null, text(d.terms.guaranteeKindZh)), el('td', null, text(d.statusZh))));
    }
    document.querySelector('#list .empty').hidden = rows.length > 0;
  }

  async function open(n) {
    let view;
    try { view = await api('GET', 'api/financing/demands/' + encodeURIComponent(n)); } catch (e) { showError(e); return; }
    state.detail = n;
    const d = view.demand;
    $('detail').hidden = false;
    $('detail-title').textContent = '融资需求 ' + n + ' · ' + d.statusZh;
    const facts = $('detail-facts');
    facts.textContent = '';
    const fact = (k, v) => { if (v != null && v !== '') facts.append(el('dt', null, text(k)), el('dd', null, text(v))); };
    fact('融资金额 Amount', d.terms.amount + ' 元');
    fact('期限 Term', d.terms.termMonths + ' 个月');
    fact('担保方式 Guarantee', d.terms.guaranteeKindZh);
    fact('资金用途 Purpose', d.terms.purpose);
    fact('订单 Order', d.terms.orderCaseNumber || (d.terms.orderBuyer ? d.terms.orderBuyer + ' · ' + d.terms.orderAmount + ' 元 · ' + d.terms.orderDueOn : ''));
    fact('审核意见 Screening', d.screeningReason);
    fact('发布期至 Published until', d.publicationDueAt ? dateTime(d.publicationDueAt) : '');
    fact('协调结果 Coordination', d.coordinationOutcomeZh ? d.coordinationOutcomeZh + (d.coordinationReason ? '：' + d.coordinationReason : '') : '');
    fact('放款 Granted', d.grantedAmount ? d.grantedAmount + ' 元 · ' + d.grantedOn : '');
    const c = view.consent;
    $('consent-now').textContent = !c ? '无 / none' : c.revoked ? '已撤回（' + dateTime(c.revokedAt) + '） / revoked'
      : c.audienceZh + '：' + c.fields.join('、') + (c.institutions.length ? '（' + c.institutions.join('、') + '）' : '');
    $('consent-actions').hidden = !state.enterpriseUser;
    const tbody = document.querySelector('#take-ups tbody');
    tbody.textContent = '';
    for (const t of view.takeUps) {
      const offer = t.approvedAmount ? t.approvedAmount + ' 元 · 年利率 ' + t.rate + '% · ' + t.termMonths + ' 个月' : (t.declinedReason || '');
      const action = el('td');
      if (state.enterpriseUser && t.status === 'OFFERED') {
        const b = el('button', 'primary', text('选定此授信 Accept'));
        b.type = 'button';
        b.addEventListener('click', () => act('POST', 'accept', { takeUpId: t.id }, '已选定 / Accepted'));
        action.appendChild(b);
      }
      tbody.appendChild(el('tr', null, el('td', null, text(t.institutionZh || t.institution)), el('td', null, text(t.statusZh)),
        el('td', null, text(t.dueOn)), el('td', null, text(offer)), action));
    }
    const log = $('read-log');
    log.textContent = '';
    try {
      for (const r of await api('GET', 'api/financing/demands/' + encodeURIComponent(n) + '/read-log')) {
        log.appendChild(el('li', null, text(dateTime(r.at) + ' ' + (r.institutionZh || r.institution) + '（' + r.userId + '）' + (r.what === 'LIST' ? '浏览列表' : '查看详情'))));
      }
    } catch (e) { showError(e); }
    const timeline = $('detail-timeline');
    timeline.textContent = '';
    for (const e of (view.caseView.timeline || [])) timeline.appendChild(el('li', null, text(dateTime(e.occurredAt) + ' ' + (e.detail || e.action))));
  }

  async function act(method, path, body, done) {
    try {
      await api(method, 'api/financing/demands/' + encodeURIComponent(state.detail) + '/' + path, body);
      say(done, 'ok');
      await refresh();
      await open(state.detail);
    } catch (e) { showError(e); }
  }

  $('consent-change').addEventListener('click', () => act('PUT', 'consent', consentBody(), '同意已变更 / Consent changed'));
  $('consent-revoke').addEventListener('click', () => act('DELETE', 'consent', undefined, '同意已撤回，金融机构即时不可见 / Consent revoked'));

  $('demand-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { amount: $('f-amount').value.trim(), termMonths: $('f-term').value.trim(), purpose: $('f-purpose').value,
      guaranteeKind: $('f-kind').value, consent: consentBody() };
    if (state.enterprise) body.enterpriseId = state.enterprise.id;
    if (body.guaranteeKind === 'ORDER_FINANCING') {
      if ($('f-order-case').value.trim()) body.orderCaseNumber = $('f-order-case').value.trim();
      else body.order = { buyer: $('f-order-buyer').value, amount: $('f-order-amount').value.trim(), dueOn: $('f-order-due').value };
    }
    try {
      const response = await fetch('api/financing/demands', { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': state.key } });
      const data = await response.json().catch(() => null);
      if (!response.ok) throw new Huiqi.ApiError(response.status, (data && data.errors) || '提交失败 / Failed');
      state.key = newKey();
      say('已提交，编号 ' + data.caseNumber + '，待属地审核 / Submitted', 'ok');
      $('demand-form').reset();
      await refresh();
      await open(data.caseNumber);
    } catch (e) { showError(e); }
  });

  start();
})();
