// 结算与拨付 Settlements: the lead bureau settles a paying measure; finance confirms payments
// (huiqi.js, loaded first: session, formats, the measure catalogue).
(function () {
  'use strict';
  const { api, cell, el, text, money, moneyCell, capitals, sumAmounts, date, label, say, showError, measureOptions, payingMeasures, pager } = Huiqi;
  const $ = (id) => document.getElementById(id);
  let current = null;
  // what the caller may do (GET /api/settlements/abilities); until it answers, and if it fails, nothing is offered
  let may = { read: false, start: false, pay: false, paymentList: false };
  const abilities = api('GET', 'api/settlements/abilities').then(a => { may = a; }, () => {});

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
    $('payment-list-link').hidden = !may.paymentList;
    $('payment-file').href = 'api/settlements/' + s.id + '/payment-file.csv';
    $('payment-file-link').hidden = !(may.pay && s.status === 'DISBURSEMENT');
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
      const asked = moneyCell(row, l.asked);
      if (l.provisional) asked.appendChild(el('div', 'provisional', '暂定：' + l.provisionalZh, ' ', el('span', 'en', l.provisionalEn)));
      moneyCell(row, l.granted);
      cell(row, capitals(l.granted), 'capitals');
      cell(row, label(l, 'status'));
      cell(row, l.paymentReference);
      cell(row, date(l.paymentDate));
      cell(row, l.failureReason);
    }
    $('pay-form').hidden = !may.pay || s.status !== 'DISBURSEMENT';
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
  const selectedLines = () => { const chosen = selected(); return current.lines.filter(l => chosen.includes(l.caseNumber)); };

  // asks before anything is sent: the question, the total in 大写 and an OK button; resolves true only on OK
  function ask(question, total, english, ok) {
    const dialog = $('confirm-dialog');
    $('confirm-question').textContent = question;
    $('confirm-capitals').textContent = total == null ? '' : '合计大写：人民币' + capitals(total);
    $('confirm-english').textContent = english;
    $('confirm-ok').textContent = ok;
    return new Promise(resolve => {
      const done = (answer) => { dialog.close(); $('confirm-ok').onclick = $('confirm-cancel').onclick = dialog.oncancel = null; resolve(answer); };
      $('confirm-ok').onclick = () => done(true);
      $('confirm-cancel').onclick = () => done(false);
      dialog.oncancel = () => done(false);
      dialog.showModal();
    });
  }

  // after paying, the batch list and the detail show the same (backend) status label
  async function refresh() {
    await show(current.id);
    await list();
  }

  $('start-button').onclick = async () => {
    try {
      const started = await api('POST', 'api/settlements', { measure: $('measure').value });
      say('已发起结算 / Settlement started: ' + started.processInstanceId, 'ok');
      setTimeout(() => list().catch(showError), 1500);
    } catch (e) { showError(e); }
  };
  $('pay-button').onclick = async () => {
    const lines = selectedLines();
    if (!lines.length) { say('请先勾选要确认的支付 / Select the payments to confirm first', 'error'); return; }
    const total = sumAmounts(lines.map(l => l.granted));
    const yes = await ask('确认登记 ' + lines.length + ' 笔支付，合计 ' + money(total) + '（' + capitals(total) + '）？', total,
      'Record ' + lines.length + ' payment(s), total ' + money(total) + '?', '确认所选支付 / Confirm selected');
    if (!yes) { say('未登记任何支付 / Nothing was recorded', ''); return; }
    const payments = lines.map(l => ({ caseNumber: l.caseNumber, paymentReference: $('reference').value, paymentDate: $('date').value }));
    try {
      await api('POST', 'api/settlements/' + current.id + '/payments', { payments });
      say('已确认 ' + lines.length + ' 笔支付 / Confirmed', 'ok');
      await refresh();
    } catch (e) { showError(e); }
  };
  $('fail-button').onclick = async () => {
    const lines = selectedLines();
    if (!lines.length) { say('请先勾选支付失败的案件 / Select the failed payments first', 'error'); return; }
    const total = sumAmounts(lines.map(l => l.granted));
    const yes = await ask('登记 ' + lines.length + ' 笔支付失败（合计 ' + money(total) + '），原因：' + ($('reason').value || '（未填写）') + '？', total,
      'Record ' + lines.length + ' failed payment(s)?', '登记所选失败 / Record failure');
    if (!yes) { say('未登记任何失败 / Nothing was recorded', ''); return; }
    try {
      for (const l of lines) {
        await api('POST', 'api/settlements/' + current.id + '/failures', { caseNumber: l.caseNumber, reason: $('reason').value });
      }
      say('已登记 / Recorded', 'ok');
      await refresh();
    } catch (e) { showError(e); }
  };

  abilities.then(() => {
    $('start').hidden = !may.start;
    if (may.start) measures();
    if (!may.read) {
      say('结算与拨付仅供市工信局、市财政局、政策管理与审计人员查看 / Settlements are for the lead bureau, finance, policy staff and auditors', 'error');
      return;
    }
    return list();
  }).catch(showError);
})();
