// 首页 The home page (huiqi.js, loaded first). Signed in as an enterprise user (its own account or an agent) it is
// 企业服务: the enterprise's name and USCC (an agent chooses whom it acts for), the measures open for applications
// with their round's dates (申请 → apply.html), what waits for the enterprise (补正 → supplement.html), its
// applications (→ case.html), its latest messages. Officials get the links of the pages their role may use.
// Everyone sees the policy's measures (GET /api/measures, public).
(function () {
  'use strict';
  const { api, catalogue, cell, el, text, date, wan, words, label, me, mayUse, isEnterprise, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const SIZE = 10;
  const state = { page: 0, enterprise: null };

  // a label the API gives as {zh, en}, as xZh/xEn fields, or as plain text
  const either = (owner, field) => owner[field] && typeof owner[field] === 'object' ? label(owner[field]) : label(owner, field);
  const link = (href, ...children) => { const a = el('a', null, ...children); a.href = href; return a; };
  const both = (zh, en) => [text(zh + ' '), el('span', 'en', en)];
  const APPLICANTS = { ENTERPRISE: '企业', PROJECT_OWNER: '项目业主', LOCALITY: '属地', NONE: '—' };

  function policy(p) {
    if (!p) return;
    const parts = [p.docNumber, either(p, 'title')].filter(Boolean);
    if (p.validUntil) parts.push('有效期至 ' + date(p.validUntil) + ' / valid until ' + date(p.validUntil, 'en'));
    if (p.fundTotal != null) parts.push('统筹资金 ' + wan(p.fundTotal) + ' / fund ' + Huiqi.money(p.fundTotal));
    $('policy').textContent = parts.join(' · ');
  }

  async function showCatalogue() {
    const c = await catalogue;
    if (!c) return;
    policy((c.policies || [])[0] || c.policy);
    const body = document.querySelector('#measures tbody');
    for (const m of c.measures) {
      const row = body.insertRow();
      row.id = 'measure-' + m.id;
      cell(row, m.id + (m.clause ? ' ' + m.clause : ''));
      row.insertCell().append(text(label(m.name, undefined, 'zh')), el('div', 'en', label(m.name, undefined, 'en')));
      cell(row, APPLICANTS[m.applicant] || either(m, 'applicant'));
      cell(row, m.paysMoney ? '是 Yes' : '否 No');
      cell(row, m.continuous ? '常年受理 Any time' : '按批次申报 In rounds');
    }
    $('catalogue').hidden = false;
    if (location.hash.startsWith('#measure-')) {
      const row = document.getElementById(decodeURIComponent(location.hash.substring(1)));
      if (row) row.scrollIntoView();
    }
  }

  // ---- officials: the links their role may use ---------------------------------------------------------
  async function showOfficialLinks(user) {
    for (const item of document.querySelectorAll('#links > li')) {
      const href = item.querySelector('a').getAttribute('href');
      item.hidden = !(await mayUse(user, href));
    }
    $('official').hidden = false;
  }

  // ---- enterprises: 企业服务 ---------------------------------------------------------------------------
  async function showPortal() {
    let enterprises = [];
    try {
      // an enterprise user sees only the enterprises it acts for: one page holds them
      enterprises = (await api('GET', 'api/enterprises?size=100')).items;
    } catch (e) {
      showError(e);
    }
    $('portal').hidden = false;
    if (enterprises.length === 0) {
      $('enterprise-name').textContent = '本账号尚未绑定企业，请联系属地或市工信局。';
      return;
    }
    state.enterprise = Huiqi.actingFor(enterprises, enterprise => {
      state.enterprise = enterprise;
      state.page = 0;
      refresh();
    });
    await Promise.all([openMeasures(), refresh(), messages()]);
  }

  function refresh() {
    $('enterprise-name').textContent = state.enterprise.name;
    $('enterprise-uscc').textContent = state.enterprise.uscc;
    return Promise.all([waiting(), myCases()]);
  }

  async function openMeasures() {
    const c = await catalogue;
    let rounds = [];
    try {
      rounds = await api('GET', 'api/rounds/open');
    } catch (e) { /* the measures stay listed without their dates */ }
    const list = document.querySelector('#open-measures ul');
    list.replaceChildren();
    const measures = c ? c.measures.filter(m => m.applicationPath && (m.applicant === 'ENTERPRISE' || m.applicant === 'PROJECT_OWNER')) : [];
    for (const m of measures) {
      const round = rounds.find(r => r.measure === m.id);
      const open = m.continuous || Boolean(round);
      const item = el('li');
      item.id = 'open-' + m.id;
      const name = el('span', 'grow', el('strong', null, '措施' + m.id.substring(1) + ' ' + label(m.name, undefined, 'zh')));
      const when = el('div', 'hint');
      if (m.continuous) when.append(...both('常年受理', 'any time'));
      else if (round) {
        when.append(text(round.name + '：申报期 ' + date(round.opensOn) + ' 至 ' + date(round.closesOn)),
          el('span', 'en', ' applications ' + date(round.opensOn, 'en') + ' – ' + date(round.closesOn, 'en')));
        if (round.performanceFrom) when.append(el('div', null, '业绩期 ' + date(round.performanceFrom) + ' 至 ' + date(round.performanceTo)));
      } else when.append(...both('暂未开放申报', 'not open for applications now'));
      name.appendChild(when);
      item.appendChild(name);
      if (open) {
        const apply = link('apply.html?measure=' + encodeURIComponent(m.id), ...both('申请', 'Apply'));
        apply.className = 'button';
        item.appendChild(apply);
      }
      list.appendChild(item);
    }
    // measures 7 and 8 have their own sections
    // their demands are opened through their own pages (the app starts the process), not an application path
    $('demands').hidden = !(c && c.measures.some(m => m.id === 'M7'));
    $('financing').hidden = !(c && c.measures.some(m => m.id === 'M8'));
  }

  /** 补正 waiting: the enterprise's cases sent back, each with its supplement task. */
  async function waiting() {
    const list = document.querySelector('#waiting ul');
    list.replaceChildren();
    let cases = { items: [] };
    try {
      cases = await api('GET', 'api/cases?status=SUPPLEMENT_REQUESTED&size=50&enterprise=' + state.enterprise.id);
    } catch (e) { /* shown as nothing waiting */ }
    for (const c of cases.items) {
      let tasks = [];
      try {
        tasks = await api('GET', 'engine-rest/task?processInstanceBusinessKey=' + encodeURIComponent(c.caseNumber));
      } catch (e) { /* the case link below still leads there */ }
      for (const t of tasks) {
        const item = el('li', null, el('span', 'grow', '补正材料：', link('case.html?n=' + encodeURIComponent(c.caseNumber), c.caseNumber),
          t.due ? el('span', 'hint', '（期限 ' + date(t.due) + '）') : ''));
        const go = link('supplement.html?task=' + encodeURIComponent(t.id), ...both('去补正', 'Supplement'));
        go.className = 'button';
        item.appendChild(go);
        list.appendChild(item);
      }
    }
    // measure 7: a demand waiting for the enterprise's information or its rating, done on demands.html
    const c = await catalogue;
    if (c && c.measures.some(m => m.id === 'M7')) {
      for (const [status, zh, en] of [['WAITING_ENTERPRISE', '诉求待补充信息', 'Provide information'], ['REPLIED', '诉求已答复待评价', 'Rate the reply']]) {
        let demands = { items: [] };
        try {
          demands = await api('GET', 'api/cases?measure=M7&size=50&status=' + status + '&enterprise=' + state.enterprise.id);
        } catch (e) { /* shown on demands.html */ }
        for (const d of demands.items) {
          const href = 'demands.html?n=' + encodeURIComponent(d.caseNumber);
          const go = link(href, ...both('去办理', en));
          go.className = 'button';
          list.appendChild(el('li', null, el('span', 'grow', zh + '：', link(href, d.caseNumber)), go));
        }
      }
    }
    document.querySelector('#waiting .empty').hidden = list.children.length > 0;
  }

  async function myCases() {
    const list = document.querySelector('#my-cases ul');
    let data;
    try {
      data = await api('GET', 'api/cases?sort=submittedAt&order=desc&size=' + SIZE + '&page=' + state.page
        + '&enterprise=' + state.enterprise.id);
    } catch (e) {
      showError(e);
      return;
    }
    const c = await catalogue;
    const measureName = (id) => {
      const m = c && c.measures.find(x => x.id === id);
      return m ? '措施' + id.substring(1) + ' ' + label(m.name, undefined, 'zh') : id;
    };
    list.replaceChildren();
    for (const item of data.items) {
      const li = el('li');
      li.dataset.case = item.caseNumber;
      li.append(el('span', 'grow', link('case.html?n=' + encodeURIComponent(item.caseNumber), item.caseNumber), ' ',
        el('span', 'muted', measureName(item.measure))),
        el('span', null, item.statusZh, ' ', el('span', 'en', item.statusEn)),
        el('span', null, item.rewardAmount != null ? '奖励 ' + words(item.rewardAmount) : ''),
        el('span', 'hint', '提交于 ' + date(item.submittedAt)));
      list.appendChild(li);
    }
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('my-page-of').textContent = '第 ' + (state.page + 1) + ' / ' + pages + ' 页，共 ' + data.total + ' 件';
    $('my-prev').disabled = state.page === 0;
    $('my-next').disabled = state.page + 1 >= pages;
    $('my-pages').hidden = data.total <= SIZE;
    document.querySelector('#my-cases .empty').hidden = data.total > 0;
  }

  async function messages() {
    let data;
    try {
      data = await api('GET', 'api/inbox?size=5');
    } catch (e) {
      return;
    }
    const list = document.querySelector('#messages ul');
    list.replaceChildren();
    for (const m of data.items) {
      const li = el('li', m.read ? null : 'unread');
      li.append(el('span', 'grow', m.link ? link(m.link, label(m.title, undefined, 'zh')) : label(m.title, undefined, 'zh')),
        el('span', 'hint', date(m.createdAt)));
      list.appendChild(li);
    }
    const unread = $('messages-unread');
    unread.hidden = !data.unread;
    unread.textContent = '未读 ' + (data.unread || 0);
    document.querySelector('#messages .empty').hidden = data.items.length > 0;
  }

  $('my-prev').onclick = () => { if (state.page > 0) { state.page--; myCases(); } };
  $('my-next').onclick = () => { state.page++; myCases(); };

  me.then(user => {
    if (!user) {
      $('welcome').hidden = false;
    } else if (isEnterprise(user)) {
      document.body.dataset.view = 'enterprise';
      showPortal();
      return; // the portal lists the measures an enterprise can apply for; no catalogue table below it
    } else {
      showOfficialLinks(user);
    }
    showCatalogue();
  });
})();
