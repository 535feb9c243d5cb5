// 申兑指南 Guides (guide.html, guide.html?m=M1): public, no login. GET /api/public/guides lists the measures,
// GET /api/public/guides/{m} gives one measure's guide generated from the rules in force (docs/fulfilment.md).
(function () {
  'use strict';
  const { api, el, text, date, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const measure = new URLSearchParams(location.search).get('m');
  const both = (label) => [label.zh, ' ', el('span', 'en', label.en)];
  const li = (...children) => el('li', null, ...children);

  function roundText(round, continuous) {
    if (continuous) return ['常年受理 ', el('span', 'en', 'Applications at any time')];
    if (!round) return ['当前没有开放的申报批次 ', el('span', 'en', 'No round is open now')];
    return [round.name + '：申报期 ' + date(round.opensOn) + ' 至 ' + date(round.closesOn)
      + (round.performanceFrom ? '；考核期 ' + date(round.performanceFrom) + ' 至 ' + date(round.performanceTo) : ''),
      ' ', el('span', 'en', 'application period ' + round.opensOn + ' .. ' + round.closesOn)];
  }

  async function list() {
    const measures = await api('GET', 'api/public/guides');
    $('guide-list').hidden = false;
    $('measures').replaceChildren(...measures.map(m => {
      const link = el('a', null, '措施' + m.measure.substring(1) + '（' + m.clause + '）' + m.name.zh);
      link.href = 'guide.html?m=' + encodeURIComponent(m.measure);
      const item = li(el('span', 'grow', link, ' ', el('span', 'en', m.name.en)), el('span', 'hint', ...(m.takesApplications ? roundText(m.round, m.continuous) : both(m.applicant))));
      if (m.nextRoundRules) item.appendChild(el('mark', 'badge', '下一批次规则已发布'));
      return item;
    }));
  }

  function rulesBlock(rules, next) {
    const box = el('div', next ? 'next-round' : null);
    box.appendChild(el('h4', null, (next ? '下一批次 Next round：' : '') + rules.name + ' 第' + rules.version + '版'
      + (rules.roundName && !next ? '（' + rules.roundName + '执行）' : '')));
    box.appendChild(el('ul', 'rule-lines', ...rules.lines.map(l => el('li', l.labelledDefault ? 'default-rate' : null, l.text))));
    return box;
  }

  async function guide() {
    const g = await api('GET', 'api/public/guides/' + encodeURIComponent(measure));
    document.title = '措施' + g.measure.substring(1) + ' 申兑指南 — 惠企 Huiqi';
    $('title').replaceChildren('措施' + g.measure.substring(1) + ' ' + g.name.zh + ' ', el('span', 'en', g.name.en));
    $('policy').textContent = (g.policyNumber || '') + ' ' + g.clause + (g.policyTitle ? ' · ' + g.policyTitle.zh : '')
      + (g.poolCap ? ' · 本措施奖励总额不超过' + Huiqi.words(g.poolCap) : '');
    $('applicant').replaceChildren(...both(g.applicant));
    $('what-happens').replaceChildren(...g.whatHappens.map(w => li(...both(w))));
    $('round-box').hidden = !g.applyPage;
    $('round').replaceChildren(...roundText(g.round, g.continuous));
    $('rules-box').hidden = g.rules.length === 0;
    $('rules').replaceChildren(...g.rules.flatMap(r => [rulesBlock(r.current, false)].concat(r.nextRound ? [rulesBlock(r.nextRound, true)] : [])));
    $('prepare-box').hidden = g.prepare.fields.length === 0 && g.prepare.documents.length === 0;
    $('fields').replaceChildren(...g.prepare.fields.map(f => li('填写：', ...both(f))));
    $('documents').replaceChildren(...g.prepare.documents.map(d => li('材料：' + d.name.zh + (d.required ? '（必交' : '（选交') + (d.perOrder ? '，每笔订单一份）' : '）'),
      ' ', el('span', 'en', d.name.en))));
    $('documents-note').textContent = g.prepare.documentsNote ? g.prepare.documentsNote.zh : '';
    $('steps-box').hidden = g.steps.length === 0;
    $('steps').replaceChildren(...g.steps.map(s => {
      const row = document.createElement('tr');
      row.append(el('td', null, s.name), el('td', null, s.workingDays + ' 个工作日' + (s.labelledDefault ? '（系统默认值，待确认）' : '')));
      return row;
    }));
    $('supplement').textContent = g.supplementDeadline ? '材料需补正的，企业应在 ' + g.supplementDeadline + ' 个工作日内补正（系统默认值，待确认）' : '';
    const units = g.units || {};
    const facts = [];
    const fact = (dt, dd) => { if (dd) facts.push(el('dt', null, dt), el('dd', null, dd)); };
    fact('审核单位 Review', (units.review || []).map(u => u.name.zh).join('、'));
    fact('牵头单位 Lead', units.lead && units.lead.name.zh);
    fact('资金拨付 Finance', units.finance && units.finance.name.zh);
    $('units').replaceChildren(...facts);
    $('contact').replaceChildren(...both(g.contact));
    $('defaults-box').hidden = g.defaults.length === 0;
    $('defaults').replaceChildren(...g.defaults.map(d => li(...both(d))));
    const actions = [];
    if (g.applyPage) {
      const apply = el('a', 'button', g.applyPage.includes('demands') ? '提出诉求 ' : '在线申请 ', el('span', 'en', 'Apply'));
      apply.href = g.applyPage.substring(1);
      actions.push(apply);
    }
    if (g.paysMoney && g.rules.length) {
      const calc = el('a', 'button', '测一测能否获得奖励 ', el('span', 'en', 'Try the calculator'));
      calc.href = 'calculator.html';
      actions.push(calc);
    }
    $('actions').replaceChildren(...actions);
    $('guide').hidden = false;
  }

  (measure ? guide() : list()).catch(e => showError(e));
  void text;
})();
