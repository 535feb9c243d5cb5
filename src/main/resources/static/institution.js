// 金融机构对接 Institution (institution.html, measure 8; docs/financing.md), for an institution's staff:
//  - demands shared with the institution, consented fields only (GET /api/financing/market), taking one up
//    (POST /api/financing/market/<n>/take-up);
//  - its own take-ups (GET /api/financing/take-ups): contact and due-diligence notes (PUT .../notes), the credit
//    decision (POST .../decision: OFFER with amount, rate, term, or DECLINE with a reason), the loan granted once the
//    enterprise accepted the offer (POST .../grant).
// Texts go into the page as text, never as HTML.
(function () {
  'use strict';
  const { api, el, text, dateTime, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const LABELS = { amount: '金额（元）', termMonths: '期限（月）', guaranteeKindZh: '担保方式', purpose: '用途', locality: '县区',
    enterpriseName: '企业', creditCode: '信用代码', contactName: '联系人', contactPhone: '电话' };

  function sharedText(fields) {
    return Object.entries(fields).filter(([k]) => LABELS[k]).map(([k, v]) => LABELS[k] + '：' + v).join('；')
      + (fields.order ? '；订单：' + Object.values(fields.order).filter(v => v != null).join(' · ') : '');
  }

  async function refresh() {
    const body = document.querySelector('#market-list tbody');
    body.textContent = '';
    let market = [];
    try { market = await api('GET', 'api/financing/market'); } catch (e) { showError(e); return; }
    for (const d of market) {
      const action = el('td');
      if (d.canTakeUp) {
        const b = el('button', 'primary', text('对接 Take up'));
        b.type = 'button';
        b.addEventListener('click', () => act('POST', 'api/financing/market/' + encodeURIComponent(d.caseNumber) + '/take-up', {}, '已对接 / Taken up'));
        action.appendChild(b);
      }
      body.appendChild(el('tr', null, el('td', null, text(d.caseNumber)), el('td', null, text(sharedText(d.fields))),
        el('td', null, text(d.statusZh)), el('td', null, text(d.publicationDueAt ? dateTime(d.publicationDueAt) : '')), action));
    }
    document.querySelector('#market .empty').hidden = market.length > 0;
    const list = $('take-up-list');
    list.textContent = '';
    let mine = [];
    try { mine = await api('GET', 'api/financing/take-ups'); } catch (e) { showError(e); }
    for (const t of mine) list.appendChild(takeUpCard(t));
    document.querySelector('#mine .empty').hidden = mine.length > 0;
  }

  function field(label, id, type) {
    const input = el(type === 'textarea' ? 'textarea' : 'input');
    input.id = id;
    if (type && type !== 'textarea') input.type = type;
    return el('label', null, text(label + ' '), input);
  }

  function takeUpCard(t) {
    const card = el('article', 'portal-card');
    const id = t.id;
    card.appendChild(el('h3', null, text('对接 #' + id + ' · ' + t.statusZh + ' · 时限 ' + t.dueOn)));
    if (t.approvedAmount) card.appendChild(el('p', null, text('授信 ' + t.approvedAmount + ' 元 · 年利率 ' + t.rate + '% · ' + t.termMonths + ' 个月')));
    if (t.declinedReason) card.appendChild(el('p', null, text('不予授信：' + t.declinedReason)));
    if (['ACTIVE', 'OFFERED', 'ACCEPTED'].includes(t.status)) {
      const notes = el('form', 'demand-form');
      notes.append(field('联系记录 Contact', 'contact-' + id, 'textarea'), field('尽调记录 Due diligence', 'diligence-' + id, 'textarea'));
      notes.querySelector('textarea').value = t.contactNotes || '';
      notes.querySelectorAll('textarea')[1].value = t.diligenceNotes || '';
      const save = el('button', null, text('保存记录 Save notes'));
      notes.appendChild(el('p', 'form-actions', save));
      notes.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const body = {};
        if ($('contact-' + id).value.trim()) body.contactNotes = $('contact-' + id).value;
        if ($('diligence-' + id).value.trim()) body.diligenceNotes = $('diligence-' + id).value;
        act('PUT', 'api/financing/take-ups/' + id + '/notes', body, '已保存 / Saved');
      });
      card.appendChild(notes);
    }
    if (t.status === 'ACTIVE') {
      const decide = el('form', 'demand-form');
      decide.append(field('授信金额（元） Amount', 'amount-' + id), field('年利率（%） Rate', 'rate-' + id), field('期限（月） Term', 'term-' + id),
        field('不予授信理由 Reason to decline', 'reason-' + id, 'textarea'));
      const offer = el('button', 'primary', text('授信 Offer'));
      const decline = el('button', null, text('不予授信 Decline'));
      offer.type = 'button'; decline.type = 'button';
      offer.addEventListener('click', () => act('POST', 'api/financing/take-ups/' + id + '/decision', { decision: 'OFFER',
        approvedAmount: $('amount-' + id).value.trim(), rate: $('rate-' + id).value.trim(), termMonths: $('term-' + id).value.trim() }, '已授信 / Offered'));
      decline.addEventListener('click', () => act('POST', 'api/financing/take-ups/' + id + '/decision',
        { decision: 'DECLINE', reason: $('reason-' + id).value }, '已不予授信 / Declined'));
      decide.appendChild(el('p', 'form-actions', offer, decline));
      card.appendChild(decide);
    }
    if (t.status === 'ACCEPTED') {
      const grant = el('form', 'demand-form');
      grant.append(field('放款金额（元） Granted', 'granted-' + id), field('放款日期 Date', 'granted-on-' + id, 'date'));
      const b = el('button', 'primary', text('登记放款 Record the loan'));
      grant.appendChild(el('p', 'form-actions', b));
      grant.addEventListener('submit', (ev) => {
        ev.preventDefault();
        act('POST', 'api/financing/take-ups/' + id + '/grant', { amount: $('granted-' + id).value.trim(), grantedOn: $('granted-on-' + id).value },
          '已登记放款 / Loan recorded');
      });
      card.appendChild(grant);
    }
    return card;
  }

  async function act(method, path, body, done) {
    try {
      await api(method, path, body);
      say(done, 'ok');
      await refresh();
    } catch (e) { showError(e); }
  }

  refresh();
})();
