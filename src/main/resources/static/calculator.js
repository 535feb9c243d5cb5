// 政策计算器 Policy calculator (calculator.html): public, no login. POST /api/public/calculator answers every measure
// rule by rule from the tables in force; nothing is stored. A signed-in enterprise gets its figures pre-filled
// (GET /api/calculator/prefill) and a button to apply (docs/fulfilment.md "政策计算器").
(function () {
  'use strict';
  const { api, el, showError, me, isEnterprise } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const both = (label) => [label.zh, ' ', el('span', 'en', label.en)];
  let enterprise = false;
  let applied = [];

  function orderRow(order) {
    const row = el('div', 'order-row');
    const amount = el('input');
    amount.inputMode = 'decimal';
    amount.className = 'order-amount';
    amount.value = order && order.amount || '';
    amount.setAttribute('aria-label', '订单金额（元）Order amount');
    amount.placeholder = '订单金额（元）';
    const signed = el('input');
    signed.type = 'date';
    signed.className = 'order-date';
    signed.value = order && order.signedOn || '';
    signed.setAttribute('aria-label', '签订日期 Signing date');
    const remove = el('button', null, '删除');
    remove.type = 'button';
    remove.addEventListener('click', () => row.remove());
    row.append(el('label', null, '金额（元）', amount), el('label', null, '签订日期', signed), remove);
    $('orders').appendChild(row);
  }

  function figures() {
    const orders = [...document.querySelectorAll('.order-row')]
      .map(r => ({ amount: r.querySelector('.order-amount').value.trim(), signedOn: r.querySelector('.order-date').value }))
      .filter(o => o.amount || o.signedOn);
    const value = (id) => $(id).value.trim() || null;
    return { orders: orders.length ? orders : null, taxableRevenue: value('taxableRevenue'), priorYearRevenue: value('priorYearRevenue'),
      projectType: value('projectType'), equipmentInvestment: value('equipmentInvestment') };
  }

  function answerCard(a) {
    const card = el('section', 'portal-card calc-result ' + (a.status === 'QUALIFIES' ? 'qualifies' : a.status === 'NOT_QUALIFIED' ? 'not-qualified' : ''));
    card.dataset.measure = a.measure;
    card.appendChild(el('h3', null, '措施' + a.measure.substring(1) + '（' + a.clause + '）' + a.name.zh));
    card.appendChild(el('p', a.status === 'QUALIFIES' ? 'amount' : null, ...both(a.summary)));
    if (a.version) card.appendChild(el('p', 'hint', '依据' + (a.roundName ? a.roundName + '适用的' : '现行') + '决策表第' + a.version + '版 ',
      el('span', 'en', 'by the decision table, version ' + a.version)));
    if (a.rules.length) {
      card.appendChild(el('ul', 'rule-checks', ...a.rules.map(r => el('li', r.matched ? 'matched' : 'unmet',
        r.matched ? '✔ 符合：' + r.sentence : '✘ ' + r.sentence + ' —— 不满足：' + r.unmet.join('；')))));
    }
    a.notes.forEach(n => card.appendChild(el('p', 'hint', ...both(n))));
    if (a.applyPage && a.status === 'QUALIFIES') {
      const done = applied.find(x => x.measure === a.measure);
      if (done) {
        card.appendChild(el('p', 'hint', '已申请：' + done.caseNumber));
      } else if (enterprise) {
        const link = el('a', 'button', '去申请 ', el('span', 'en', 'Apply'));
        link.href = a.applyPage.substring(1);
        card.appendChild(el('p', 'form-actions', link));
      } else {
        const link = el('a', null, '登录后申请 Sign in to apply');
        link.href = 'login.html?next=' + encodeURIComponent('/' + a.applyPage.substring(1));
        card.appendChild(el('p', null, link));
      }
    }
    return card;
  }

  async function calculate(event) {
    if (event) event.preventDefault();
    try {
      const answer = await api('POST', 'api/public/calculator', figures());
      $('message').textContent = '';
      $('total').textContent = '按所填数字测算，可获奖励合计 ' + Huiqi.words(answer.total) + ' ';
      $('total').appendChild(el('span', 'en', 'Estimated rewards in total: ' + Huiqi.money(answer.total)));
      $('disclaimer').replaceChildren(...both(answer.disclaimer));
      $('answers').replaceChildren(...answer.measures.map(answerCard));
      $('results').hidden = false;
    } catch (e) {
      showError(e);
    }
  }

  async function start() {
    const user = await me;
    if (user && isEnterprise(user)) {
      try {
        const prefill = await api('GET', 'api/calculator/prefill');
        enterprise = true;
        applied = prefill.applied || [];
        const f = prefill.figures || {};
        (f.orders || []).forEach(orderRow);
        ['taxableRevenue', 'priorYearRevenue', 'projectType', 'equipmentInvestment'].forEach(id => { if (f[id]) $(id).value = f[id]; });
        $('prefilled').textContent = '已按' + prefill.enterpriseName + '的登记信息和已提交的申请预填，可修改后测算。';
        $('prefilled').hidden = false;
      } catch (e) {
        // an agent acting for no enterprise: the calculator works without figures
      }
    }
    if (!document.querySelector('.order-row')) orderRow();
    if (enterprise) calculate();
  }

  $('add-order').addEventListener('click', () => orderRow());
  $('figures').addEventListener('submit', calculate);
  start();
})();
