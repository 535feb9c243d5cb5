// 结算与拨付 Settlements: the lead bureau settles a paying measure; finance confirms payments
// (huiqi.js, loaded first: session, formats, the measure catalogue).
(function () {
  'use strict';
  const { api, cell, el, text, moneyCell, date, label, say, showError, measureOptions, payingMeasures, pager } = Huiqi;
  const $ = (id) => document.getElementById(id);
  let current = null;

  // the measures a settlement can be started for: the catalogue's paying measures (GET /api/measures) that take
  // applications, whose approved cases wait for a settlement
  async function measures() {
    const settled = (await payingMeasures).filter(m => m.applicationPath);
    $('measure').replaceChildren();
    measureOptions($('measure'), settled);
  }

  // newest first, a page at a time (GET /api/settlements answers {items, total, page, size, ...})
  const pages = pager($('settlements'), async (page) => {
    const data = await api('GET', 'api/settlements?size=20&page=' + page);
    const tbody = document.querySelector('#settlements tbody');
    tbody.replaceChildren();
    for (const s of data.items) {
      const row = tbody.insertRow();
      const link = document.createElement('a');
      link.href = '#' + s.id;
      link.appendChild(text(s.id));
      link.onclick = () => show(s.id).catch(showError);
      row.insertCell().appendChild(link);
      cell(row, s.measure);
      cell(row, label(s, 'rule', 'zh'));
      moneyCell(row, s.available, true);
      moneyCell(row, s.asked, true);
      moneyCell(row, s.granted, true);
      moneyCell(row, s.remainder);
      cell(row, label(s, 'status'));
      cell(row, s.notice ? date(s.notice.firstDay) + ' — ' + date(s.notice.lastDay) : '');
    }
    return data;
  });

  async function list() {
    await pages.reload();
    if (location.hash) await show(location.hash.substring(1));
  }

  async function show(id) {
    const s = await api('GET', 'api/settlements/' + encodeURIComponent(id));
    current = s;
    $('detail-title').textContent = '第 ' + s.id + ' 批 ' + s.measure + ' — ' + label(s, 'status');
    $('notice-list').href = 'api/settlements/' + s.id + '/notice-list.xlsx';
    $('payment-list').href = 'api/settlements/' + s.id + '/payment-list.xlsx';
    noticeBox(s.notice);
    const tbody = document.querySelector('#lines tbody');
    tbody.replaceChildren();
    for (const l of s.lines) {
      const row = tbody.insertRow();
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = l.caseNumber;
      box.disabled = !(l.status === 'PENDING_PAYMENT' || l.status === 'FAILED');
      row.insertCell().appendChild(box);
      cell(row, l.caseNumber);
      cell(row, l.enterpriseName);
      moneyCell(row, l.asked);
      moneyCell(row, l.granted);
      cell(row, label(l, 'status'));
      cell(row, l.paymentReference);
      cell(row, date(l.paymentDate));
      cell(row, l.failureReason);
    }
    $('pay-form').hidden = s.status !== 'DISBURSEMENT';
    $('detail').hidden = false;
  }

  // the public notice in working days and where to object (docs/working-days.md)
  function noticeBox(n) {
    const box = $('settlement-notice');
    box.hidden = !n;
    if (!n) return;
    box.replaceChildren(
      el('strong', null, '公示期 '), date(n.firstDay) + '至' + date(n.lastDay) + '（' + n.workingDays + '个工作日，'
        + date(n.lastDay) + '24时届满；公示期长度为系统默认值，待政策部门确认）', ' ', el('span', 'en', 'Notice period: ' + n.firstDay + ' to ' + n.lastDay + ', '
        + n.workingDays + ' working days, ending 24:00 Beijing time; the length is a default awaiting confirmation by policy staff'),
      el('br'), el('strong', null, '异议 '), '公示期内如有异议，请向' + n.objectionContactZh + '提出；市工信局登记异议：',
      el('code', null, 'POST ' + n.objectionPath), ' ', el('span', 'en', 'Objections during the notice: ' + n.objectionContactEn
        + '; the lead bureau records them with POST ' + n.objectionPath));
  }

  const selected = () => [...document.querySelectorAll('#lines tbody input:checked')].map(b => b.value);

  $('start-button').onclick = async () => {
    try {
      const started = await api('POST', 'api/settlements', { measure: $('measure').value });
      say('已发起结算 / Settlement started: ' + started.processInstanceId, 'ok');
      setTimeout(() => list().catch(showError), 1500);
    } catch (e) { showError(e); }
  };
  $('pay-button').onclick = async () => {
    const payments = selected().map(caseNumber => ({ caseNumber, paymentReference: $('reference').value, paymentDate: $('date').value }));
    try {
      await api('POST', 'api/settlements/' + current.id + '/payments', { payments });
      say('已确认 / Confirmed', 'ok');
      await show(current.id);
    } catch (e) { showError(e); }
  };
  $('fail-button').onclick = async () => {
    try {
      for (const caseNumber of selected()) {
        await api('POST', 'api/settlements/' + current.id + '/failures', { caseNumber, reason: $('reason').value });
      }
      say('已登记 / Recorded', 'ok');
      await show(current.id);
    } catch (e) { showError(e); }
  };

  measures();
  list().catch(showError);
})();
