// 申请回执 Receipt (receipt.html?case=<caseNumber>): the case as GET /api/cases/{caseNumber} shows it to its
// enterprise — number, measure, what happens next (the running step and its unit) and that step's due date on the
// working-day clock (the case's steps, timelimit) — printable (print CSS in huiqi.css; PDF: the browser's print).
(function () {
  'use strict';
  const { api, money, inUnits, dateTime, date, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const caseNumber = new URLSearchParams(location.search).get('case');
  // a step is due at the end (24:00) of its last working day; the receipt names that day, as cases.html does
  const lastDay = (end) => (end ? date(new Date(Date.parse(end) - 1).toISOString()) : '');

  async function start() {
    if (!caseNumber || !/^[A-Za-z0-9-]{1,40}$/.test(caseNumber)) {
      Huiqi.say('链接不完整：缺少案件编号。 / The link names no case.', 'error');
      return;
    }
    try {
      const [view, units, catalogue] = await Promise.all([api('GET', 'api/cases/' + encodeURIComponent(caseNumber)),
        api('GET', 'api/units').catch(() => []), Huiqi.catalogue]);
      const unitName = (id) => (units.find(u => u.id === id) || {}).nameZh || '';
      const measure = catalogue && catalogue.measures.find(m => m.id === view.measure);
      $('case-number').textContent = view.caseNumber;
      $('measure').textContent = measure ? measure.clause + ' ' + measure.name.zh : view.measure;
      $('applicant').textContent = view.applicant ? view.applicant.name : (view.enterprise ? view.enterprise.name : '');
      $('submitted').textContent = dateTime(view.submittedAt);
      $('status').textContent = view.statusZh;
      const running = (view.steps || []).find(s => s.state === 'RUNNING' || s.state === 'SUPPLEMENT');
      if (running) {
        $('next-step').textContent = running.stepName + (unitName(running.unit) ? '（' + unitName(running.unit) + '）' : '');
        $('due').textContent = running.due ? lastDay(running.due) + '前办结（' + running.limitDays + '个工作日）' : '';
      } else {
        $('next-step').textContent = view.outcomeReason ? '已办结：' + view.outcomeReason : view.statusZh;
        $('due').textContent = '—';
      }
      $('reward').textContent = view.rewardAmount == null ? '—'
        : money(view.rewardAmount) + (inUnits(view.rewardAmount) ? '（' + inUnits(view.rewardAmount) + '）' : '') + '，以审核认定为准';
      $('case-link').href = 'cases.html?case=' + encodeURIComponent(view.caseNumber);
      $('receipt').hidden = false;
    } catch (e) {
      showError(e);
    }
  }

  $('print').addEventListener('click', () => window.print());
  start();
})();
