// 产融对接活动 Matchmaking events (financing-events.html, measure 8): GET/POST /api/financing/events, GET/PUT
// /api/financing/events/<id>, POST …/institutions {institution}, …/registrations {caseId}, …/outcomes {caseId, institution,
// intentionSigned, intendedAmount, note}; GET /api/financing/events/registrable-demands (an enterprise's open demands, or
// jrb's put-on-the-next-event ones). The API decides who may do what: jrb creates; jrb and the named co-organisers invite,
// mark held and record outcomes; enterprises (and jrb) register; an invited institution sees only the count of demands.
(function () {
  'use strict';
  const { api, el, cell, money, me, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const state = { user: null, groups: [], current: null, institutions: [], registrable: [] };
  const isIn = (g) => state.groups.includes(g);

  async function start() {
    state.user = await me;
    state.groups = (state.user && state.user.groupIds) || [];
    const jrb = isIn('jrb');
    $('new-box').hidden = !jrb;
    $('next-box').hidden = !jrb;
    $('role-line').textContent = jrb ? '市金融办：创建活动、邀请机构、登记成果。 / jrb: create events, invite, record outcomes.'
      : isIn('enterprise') ? '企业：为本企业已发布的融资需求报名活动。 / Enterprise: register your open financing demands.'
      : (isIn('gxj') || isIn('zxqyj')) ? '协办单位：协办的活动中邀请机构、登记成果。 / Co-organiser: invite and record outcomes of your events.'
      : '受邀金融机构：查看受邀活动、报名需求数与本机构的成果。 / Invited institution: your events, the number of demands, your outcomes.';
    if (jrb || isIn('gxj') || isIn('zxqyj')) {
      try { state.institutions = (await api('GET', 'api/financing/institutions')).filter(i => i.active); } catch (e) { /* none */ }
    }
    if (jrb || isIn('enterprise')) {
      try { state.registrable = await api('GET', 'api/financing/events/registrable-demands'); } catch (e) { /* none */ }
    }
    if (jrb) showNext();
    await list();
  }

  function showNext() {
    const body = $('next-list').tBodies[0];
    body.replaceChildren();
    for (const d of state.registrable) {
      const row = body.insertRow();
      cell(row, d.caseNumber); cell(row, d.enterpriseName); cell(row, money(d.amount), 'amount');
    }
    $('next-box').querySelector('.empty').hidden = state.registrable.length > 0;
  }

  async function list() {
    let events;
    try { events = await api('GET', 'api/financing/events'); } catch (e) { showError(e); $('list-box').hidden = true; return; }
    const body = $('event-list').tBodies[0];
    body.replaceChildren();
    for (const ev of events) {
      const row = body.insertRow();
      cell(row, ev.title); cell(row, ev.heldOn); cell(row, ev.place); cell(row, ev.theme); cell(row, ev.statusZh);
      cell(row, ev.invited, 'amount'); cell(row, ev.registered, 'amount');
      const open = el('button', null, '查看 ', el('span', 'en', 'Open'));
      open.type = 'button';
      open.dataset.event = ev.id;
      open.addEventListener('click', () => detail(ev.id));
      row.insertCell().appendChild(open);
    }
    $('list-box').querySelector('.empty').hidden = events.length > 0;
  }

  async function detail(id) {
    let d;
    try { d = await api('GET', 'api/financing/events/' + id); } catch (e) { showError(e); return; }
    state.current = d;
    const ev = d.event;
    $('detail').hidden = false;
    $('detail-title').textContent = ev.title;
    $('detail-line').textContent = ev.heldOn + ' · ' + ev.place + ' · ' + ev.theme + ' · ' + ev.statusZh
      + (ev.coOrganisers.length ? ' · 协办：' + ev.coOrganisers.map(c => c === 'gxj' ? '市工信局' : '市中小企业局').join('、') : '');
    const planned = ev.status === 'PLANNED';
    $('organise-bar').hidden = !(ev.mayOrganise && planned);
    $('invited-list').replaceChildren(...d.invited.map(i => el('li', null, i.nameZh + (i.demo ? '（演示）' : ''))));
    $('invite-form').hidden = !(ev.mayOrganise && planned);
    fill($('invite-institution'), state.institutions.filter(i => !d.invited.some(x => x.institution === i.unitId))
      .map(i => [i.unitId, i.nameZh + (i.demo ? '（演示）' : '') + ' · ' + i.kindZh]));
    $('registered-count').textContent = '已报名 ' + d.registeredCount + ' 项需求 / ' + d.registeredCount + ' demand(s) registered';
    const regs = d.registrations || [];
    $('registration-list').style.display = d.registrations ? '' : 'none'; // an institution sees the count only
    const body = $('registration-list').tBodies[0];
    body.replaceChildren();
    for (const r of regs) {
      const row = body.insertRow();
      cell(row, r.caseNumber); cell(row, r.enterpriseName); cell(row, money(r.amount), 'amount'); cell(row, r.registeredBy);
    }
    // an institution: the registered demands the enterprise's consent shares with it, consented fields only
    $('shared-list').replaceChildren(...(d.sharedDemands || []).map(x => el('li', null, x.caseNumber + ' · '
      + Object.entries(x.fields || {}).map(([k, v]) => k + '：' + (v && typeof v === 'object' ? JSON.stringify(v) : v)).join('；'))));
    $('shared-box').hidden = !d.sharedDemands;
    const choices = state.registrable.filter(c => !regs.some(r => r.caseId === c.caseId));
    $('register-form').hidden = !(planned && (isIn('enterprise') || isIn('jrb')) && choices.length > 0);
    fill($('register-case'), choices.map(c => [c.caseId, c.caseNumber + ' · ' + c.enterpriseName + ' · ' + money(c.amount)]));
    const outcomes = $('outcome-list').tBodies[0];
    outcomes.replaceChildren();
    for (const o of d.outcomes) {
      const row = outcomes.insertRow();
      cell(row, o.caseNumber || '—'); cell(row, o.institutionZh); cell(row, o.intentionSigned ? '已签约 Signed' : '未签约 Not signed');
      cell(row, money(o.intendedAmount), 'amount'); cell(row, o.note);
    }
    $('outcome-form').hidden = !(ev.mayOrganise && ev.status === 'HELD');
    fill($('outcome-case'), regs.map(r => [r.caseId, r.caseNumber + ' · ' + r.enterpriseName]));
    fill($('outcome-institution'), d.invited.map(i => [i.institution, i.nameZh]));
  }

  function fill(select, options) {
    select.replaceChildren(...options.map(([value, label]) => Object.assign(el('option', null, label), { value })));
  }

  async function act(call, done) {
    try {
      await call();
      say(done, 'ok', $('detail-message'));
      await list();
      if (state.current) await detail(state.current.event.id);
    } catch (e) { showError(e, $('detail-message')); }
  }

  $('new-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const co = ['co-gxj', 'co-zxqyj'].filter(id => $(id).checked).map(id => $(id).value);
    try {
      const ev = await api('POST', 'api/financing/events', { title: $('new-title').value, heldOn: $('new-held-on').value || null,
        place: $('new-place').value, theme: $('new-theme').value, coOrganisers: co });
      say('活动已创建：' + ev.title + ' / Event created', 'ok');
      $('new-form').reset();
      await list();
      await detail(ev.id);
    } catch (e) { showError(e); }
  });
  $('invite-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => api('POST', 'api/financing/events/' + state.current.event.id + '/institutions', { institution: $('invite-institution').value }),
      '已邀请 / Invited');
  });
  $('register-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => api('POST', 'api/financing/events/' + state.current.event.id + '/registrations', { caseId: Number($('register-case').value) }),
      '已报名 / Registered');
  });
  $('mark-held').addEventListener('click', () => act(() => api('PUT', 'api/financing/events/' + state.current.event.id,
    { status: 'HELD' }), '已标记为已举办 / Marked held'));
  $('mark-cancelled').addEventListener('click', () => act(() => api('PUT', 'api/financing/events/' + state.current.event.id,
    { status: 'CANCELLED' }), '活动已取消 / Cancelled'));
  $('outcome-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const signed = $('outcome-signed').checked;
    act(() => api('POST', 'api/financing/events/' + state.current.event.id + '/outcomes', { caseId: Number($('outcome-case').value),
      institution: $('outcome-institution').value, intentionSigned: signed,
      intendedAmount: signed ? $('outcome-amount').value : null, note: $('outcome-note').value || null }), '成果已登记 / Outcome recorded');
  });

  start();
}());
