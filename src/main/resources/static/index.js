// 首页 The home page: the policy and its measures, from GET /api/measures (public; huiqi.js, loaded first).
// While the catalogue answers nothing, the section stays hidden and the links above are the page.
(function () {
  'use strict';
  const { catalogue, cell, el, text, date, wan, label } = Huiqi;

  // a label the API gives as {zh, en}, as xZh/xEn fields, or as plain text
  const either = (owner, field) => owner[field] && typeof owner[field] === 'object' ? label(owner[field]) : label(owner, field);

  function policy(p) {
    if (!p) return;
    const parts = [p.docNumber, either(p, 'title')].filter(Boolean);
    if (p.validUntil) parts.push('有效期至 ' + date(p.validUntil) + ' / valid until ' + date(p.validUntil, 'en'));
    if (p.fundTotal != null) parts.push('统筹资金 ' + wan(p.fundTotal) + ' / fund ' + Huiqi.money(p.fundTotal));
    document.getElementById('policy').textContent = parts.join(' · ');
  }

  catalogue.then(c => {
    if (!c) return;
    policy(c.policy);
    const body = document.querySelector('#measures tbody');
    for (const m of c.measures) {
      const row = body.insertRow();
      row.id = 'measure-' + m.id;
      cell(row, m.id + (m.clause ? ' ' + m.clause : ''));
      row.insertCell().append(text(label(m.name, undefined, 'zh')), el('div', 'en', label(m.name, undefined, 'en')));
      cell(row, either(m, 'applicant'));
      cell(row, m.paysMoney ? '是 Yes' + (typeof m.pool === 'string' ? '（' + m.pool + '）' : '') : '否 No');
      cell(row, m.continuous ? '常年受理 Any time' : '按批次申报 In rounds');
    }
    document.getElementById('catalogue').hidden = false;
    if (location.hash.startsWith('#measure-')) {
      const row = document.getElementById(decodeURIComponent(location.hash.substring(1)));
      if (row) row.scrollIntoView();
    }
  });
})();
