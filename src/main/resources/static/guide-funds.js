// 引导基金 Guide funds (guide-funds.html, measure 8): the catalogue GET /api/financing/guide-funds (any signed-in user);
// an enterprise's equity request POST /api/financing/equity-requests {fundId?, amount, purpose}; the requests
// GET /api/financing/equity-requests (enterprise: its own; ctjt and jrb: all; a locality: its enterprises'); ctjt screens
// one POST /api/financing/equity-requests/<id>/steps {status: REFERRED (fundId) | DUE_DILIGENCE | INVESTED
// (investedAmount) | DECLINED (reason)}, each step logged. The API refuses anyone else.
(function () {
  'use strict';
  const { api, el, cell, money, me, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const STEPS = { REFERRED: '推荐至基金管理人', DUE_DILIGENCE: '尽职调查', INVESTED: '已投资', DECLINED: '未获投资' };
  const state = { funds: [], groups: [], current: null };

  async function start() {
    const user = await me;
    state.groups = (user && user.groupIds) || [];
    try { state.funds = await api('GET', 'api/financing/guide-funds'); } catch (e) { showError(e); return; }
    const body = $('fund-list').tBodies[0];
    for (const f of state.funds) {
      const row = body.insertRow();
      cell(row, f.nameZh);
      const manager = cell(row, f.managerZh);
      if (f.managerLabelled) manager.appendChild(el('div', 'hint labelled', f.labelText));
      const focus = cell(row, f.focusZh);
      if (f.focusLabelled) focus.appendChild(el('div', 'hint labelled', f.labelText));
      for (const select of [$('request-fund'), $('step-fund')]) {
        select.appendChild(Object.assign(el('option', null, f.nameZh), { value: f.id }));
      }
    }
    $('request-box').hidden = !state.groups.includes('enterprise');
    await requests();
  }

  async function requests() {
    let list;
    try { list = await api('GET', 'api/financing/equity-requests'); } catch (e) { $('requests-box').hidden = true; return; }
    $('requests-box').hidden = false;
    const body = $('request-list').tBodies[0];
    body.replaceChildren();
    for (const r of list) {
      const row = body.insertRow();
      cell(row, r.id); cell(row, r.enterpriseName); cell(row, money(r.amount), 'amount'); cell(row, r.statusZh);
      cell(row, fundName(r.referredFund || r.fundId));
      cell(row, r.investedAmount != null ? '投资 ' + money(r.investedAmount) : r.declinedReason || '');
      const open = el('button', null, '查看 ', el('span', 'en', 'Open'));
      open.type = 'button';
      open.dataset.request = r.id;
      open.addEventListener('click', () => show(r));
      row.insertCell().appendChild(open);
    }
    $('requests-box').querySelector('.empty').hidden = list.length > 0;
    if (state.current) {
      const again = list.find(r => r.id === state.current.id);
      if (again) show(again);
    }
  }

  const fundName = (id) => (state.funds.find(f => f.id === id) || { nameZh: id || '' }).nameZh;

  function show(r) {
    state.current = r;
    $('step-box').hidden = false;
    $('step-title').textContent = '申请 ' + r.id + ' · ' + r.enterpriseName + ' · ' + r.statusZh;
    $('step-purpose').textContent = r.purpose;
    $('step-log').replaceChildren(...r.log.map(l => el('li', null, l.toStatusZh + (l.detail ? '：' + l.detail : '') + ' — ' + l.actedBy)));
    $('step-form').hidden = r.nextSteps.length === 0;
    $('step-status').replaceChildren(...r.nextSteps.map(s => Object.assign(el('option', null, STEPS[s] + ' ' + s), { value: s })));
    fields();
  }

  function fields() {
    const s = $('step-status').value;
    $('step-fund-line').hidden = s !== 'REFERRED';
    $('step-amount-line').hidden = s !== 'INVESTED';
    $('step-reason-line').hidden = s !== 'DECLINED';
  }
  $('step-status').addEventListener('change', fields);

  $('step-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const s = $('step-status').value;
    const body = { status: s };
    if (s === 'REFERRED') body.fundId = $('step-fund').value;
    if (s === 'INVESTED') body.investedAmount = $('step-amount').value;
    if (s === 'DECLINED') body.reason = $('step-reason').value;
    try {
      await api('POST', 'api/financing/equity-requests/' + state.current.id + '/steps', body);
      say('已记录 / Recorded', 'ok', $('step-message'));
      await requests();
    } catch (e) { showError(e, $('step-message')); }
  });

  $('request-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const r = await api('POST', 'api/financing/equity-requests', { fundId: $('request-fund').value || null,
        amount: $('request-amount').value, purpose: $('request-purpose').value });
      say('申请已提交，编号 ' + r.id + ' / Request submitted', 'ok');
      $('request-form').reset();
      await requests();
    } catch (e) { showError(e); }
  });

  start();
}());
