// 申报批次页面 The application rounds page (docs/rounds.md): lists the rounds of every measure that has them,
// and lets policy staff / the lead bureau open, extend (with a reason) and close rounds through /api/rounds.
// huiqi.js (loaded first) keeps the session (CSRF header, sign-in on a 401) and formats dates and errors.
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const LANG = 'huiqi.lang';
  const state = { lang: localStorage.getItem(LANG) || 'zh', listing: null };
  const t = (zh, en) => state.lang === 'en' ? en : zh;
  const el = (tag, content, cls) => { const e = document.createElement(tag); if (content != null) e.textContent = String(content); if (cls) e.className = cls; return e; };
  const day = (iso) => Huiqi.date(iso, state.lang);
  const when = (iso) => Huiqi.dateTime(iso, state.lang);

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = state.lang === 'en' ? e.dataset.en : e.dataset.zh; });
    $('#lang').textContent = state.lang === 'en' ? '中文' : 'English';
  }
  $('#lang').onclick = () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANG, state.lang);
    applyLanguage();
    render();
  };

  const api = Huiqi.api;
  const show = (message, kind) => Huiqi.say(message, kind);
  const showError = (error) => Huiqi.showError(error, null, state.lang);

  async function load() {
    try {
      state.listing = await api('GET', 'api/rounds');
      render();
    } catch (e) {
      showError(e);
    }
  }

  function render() {
    const listing = state.listing;
    if (!listing) return;
    const box = $('#measures');
    box.replaceChildren();
    for (const m of listing.measures) {
      const section = el('section');
      section.dataset.measure = m.measure;
      section.appendChild(el('h2', m.measure + ' ' + m.clause + ' ' + t(m.nameZh, m.nameEn)));
      if (m.policyValidTo) section.appendChild(el('p', t('政策有效期至 ' + day(m.policyValidTo) + '：业绩期不得超出。', 'The policy is valid until ' + m.policyValidTo + ': no performance window beyond it.')));
      const table = el('table');
      const head = table.createTHead().insertRow();
      for (const h of [t('批次', 'Round'), t('业绩期', 'Performance window'), t('申报期', 'Application period'), t('状态', 'Status'),
        t('锁定的规则版本', 'Pinned rule versions'), t('案件数', 'Cases'), t('记录', 'History'), '']) head.appendChild(el('th', h));
      const body = table.createTBody();
      for (const r of m.rounds) {
        const row = body.insertRow();
        row.dataset.round = r.id;
        row.className = 'status-' + r.status.toLowerCase();
        row.insertCell().append(el('strong', r.name), r.note ? el('div', r.note, 'note') : '');
        row.insertCell().textContent = day(r.performanceFrom) + ' — ' + day(r.performanceTo);
        row.insertCell().textContent = day(r.opensOn) + ' — ' + day(r.closesOn);
        row.insertCell().textContent = t(r.statusZh, r.statusEn) + (r.closedEarlyAt ? t('（提前截止）', ' (closed early)') : '');
        row.insertCell().textContent = r.ruleVersions.map(p => p.decisionKey + ' v' + p.version).join('、');
        row.insertCell().textContent = r.cases;
        const history = el('ul', null, 'events');
        for (const e of r.events) history.appendChild(el('li', when(e.at) + ' ' + e.actor + '：' + e.detail + (e.reason ? t('（理由：', ' (reason: ') + e.reason + t('）', ')') : '')));
        row.insertCell().appendChild(history);
        const actions = row.insertCell();
        if (listing.canManage && r.status !== 'CLOSED') actions.append(extendButton(r), ' ', closeButton(r));
        if (listing.canManage && r.status === 'CLOSED' && !r.closedEarlyAt) actions.append(extendButton(r));
      }
      section.appendChild(table);
      box.appendChild(section);
    }
    $('#open-form').hidden = !listing.canManage;
    const select = $('#open-measure');
    const chosen = select.value;
    select.replaceChildren(...listing.measures.map(m => { const o = el('option', m.measure + ' ' + t(m.nameZh, m.nameEn)); o.value = m.measure; return o; }));
    if (chosen) select.value = chosen;
  }

  function extendButton(round) {
    const button = el('button', t('延期', 'Extend'));
    button.type = 'button';
    button.className = 'extend';
    button.onclick = async () => {
      const closesOn = prompt(t('新的申报截止日（YYYY-MM-DD，须晚于 ' + round.closesOn + '）', 'New end of the period (YYYY-MM-DD, after ' + round.closesOn + ')'));
      if (closesOn == null) return;
      const reason = prompt(t('延期理由（必填，记入批次记录）', 'Reason for the extension (required, audited)'));
      if (reason == null) return;
      await act('api/rounds/' + round.id + '/extension', { closesOn: closesOn.trim(), reason },
        t('批次「' + round.name + '」已延期', 'Round "' + round.name + '" extended'));
    };
    return button;
  }

  function closeButton(round) {
    const button = el('button', t('截止', 'Close'));
    button.type = 'button';
    button.className = 'close';
    button.onclick = async () => {
      const reason = prompt(t('截止理由（必填）：批次「' + round.name + '」将立即停止受理申请', 'Reason (required): round "' + round.name + '" stops taking applications now'));
      if (reason == null) return;
      await act('api/rounds/' + round.id + '/closure', { reason }, t('批次「' + round.name + '」已截止', 'Round "' + round.name + '" closed'));
    };
    return button;
  }

  async function act(path, body, done) {
    try {
      await api('POST', path, body);
      await load();
      show(done, 'ok');
    } catch (e) {
      showError(e);
    }
  }

  $('#open').onsubmit = async (event) => {
    event.preventDefault();
    const form = new FormData($('#open'));
    const body = {};
    for (const [k, v] of form.entries()) body[k] = String(v).trim() || null;
    await act('api/rounds', body, t('批次已开设', 'Round opened'));
  };

  applyLanguage();
  load();
})();
