// 申请 Apply (apply.html?measure=M1|M2|M3): the start form the administrators deployed with the measure's process
// (GET /engine-rest/process-definition/key/<key>/deployed-start-form, key from the catalogue), rendered by
// forms.js; before submitting, POST /api/measures/{id}/applications/preview tells whether the figures qualify
// and for how much; submitted through POST /api/measures/{id}/applications (idempotent, answers the case
// number), then the receipt page. Measure 3's project select is filled with the enterprise's own projects.
(function () {
  'use strict';
  const { el, api, money, inUnits, showError, say } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const measureId = new URLSearchParams(location.search).get('measure');
  // one key per page: a double click or a retry after a lost answer opens one case
  const MAX_ORDERS_WITH_FILES = 10;
  const idempotencyKey = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^A-Za-z0-9-]/g, '');
  let rendered = null;
  let drafts = null;

  async function start() {
    const catalogue = await Huiqi.catalogue;
    const measure = catalogue && catalogue.measures.find(m => m.id === measureId && m.applicationPath);
    if (!measure) {
      say('没有这项可申请的措施，请从首页选择。 / No such measure takes applications: choose one on the home page.', 'error');
      lock(true);
      return;
    }
    document.title = measure.name.zh + '申请 — 惠企 Huiqi';
    $('measure-title').textContent = measure.clause + ' ' + measure.name.zh + ' 申请';
    try {
      const key = measure.processKeys[0];
      const schema = await api('GET', 'engine-rest/process-definition/key/' + encodeURIComponent(key) + '/deployed-start-form');
      rendered = await HuiqiForms.render($('form'), schema, await inputData(measure));
      // files uploaded before the case exists are drafts of the enterprise; the submission claims them
      drafts = Huiqi.draftUploader($('evidence-slot'), measureId, measureId === 'M1' ? MAX_ORDERS_WITH_FILES : 1);
    } catch (e) {
      showError(e);
      lock(true);
    }
  }

  /** What the form shows but the enterprise does not type: measure 3's own projects. */
  async function inputData(measure) {
    if (measure.applicant !== 'PROJECT_OWNER') return {};
    // an enterprise user is answered its own projects only; one page of 100 holds them
    const projects = (await api('GET', 'api/projects?size=100')).items;
    const options = projects.map(p => ({ value: String(p.id), label: p.name + '（编号 ' + p.id + '，' + p.typeZh + '）' }));
    if (options.length === 0) {
      say('贵企业在项目库中还没有项目，请联系属地登记项目后再申请。 / Your enterprise has no project in the library yet.', 'error');
    }
    return { projectOptions: options };
  }

  function lock(locked) {
    $('check').disabled = locked;
    $('submit').disabled = locked;
  }

  /** The form's values, or null after showing what to correct (form-js marks the fields, in Chinese). */
  function values() {
    if (!rendered) return null;
    // form-js writes what is typed after a pause or on leaving the field: leave it first, so nothing typed is missed
    if (document.activeElement && $('form').contains(document.activeElement)) document.activeElement.blur();
    const { data, errors } = rendered.submit();
    if (Object.keys(errors).length > 0) {
      say('请按标红处的提示修改后再提交。 / Please correct the fields marked in red.', 'error');
      return null;
    }
    say('', 'ok');
    return data;
  }

  async function preview(data) {
    const result = await api('POST', 'api/measures/' + encodeURIComponent(measureId) + '/applications/preview', data);
    const box = $('preview');
    box.replaceChildren();
    if (result.qualifies) {
      box.className = 'preview qualifies';
      box.append(el('p', null, el('strong', null, '按所填数据符合条件，暂定奖励 ' + money(result.rewardAmount) + inUnits(result.rewardAmount, '（') + (inUnits(result.rewardAmount) ? '）' : '')),
        ' ', el('span', 'en', 'The figures qualify: provisional reward ' + money(result.rewardAmount))));
    } else {
      box.className = 'preview not-qualifies';
      box.append(el('p', null, el('strong', null, '按所填数据不符合奖励条件'), ' ', el('span', 'en', 'The figures do not qualify')));
    }
    if (result.reason) box.append(el('p', 'reason', result.reason));
    if (result.labelledDefault) box.append(el('p', 'default-rate', result.defaultNote));
    if (result.round) $('round').textContent = '申报批次：' + result.round;
    box.append(el('p', 'hint', '试算结果为暂定，以属地核实与市级审核后的认定为准。 ',
      el('span', 'en', 'Provisional: the decision after verification and review counts.')));
    box.hidden = false;
    return result;
  }

  async function check() {
    const data = values();
    if (!data) return;
    lock(true);
    try {
      await preview(data);
    } catch (e) {
      showError(e);
    } finally {
      lock(false);
    }
  }

  async function submitClicked() {
    const data = values();
    if (!data) return;
    lock(true);
    try {
      const result = await preview(data);
      if (!result.qualifies) {
        $('confirm-text').textContent = '按所填数据不符合奖励条件' + (result.reason ? '（' + result.reason + '）' : '')
          + '。提交后案件将直接办结为“不符合条件”。确定仍要提交吗？';
        $('confirm').hidden = false;
        $('confirm-submit').focus();
        return;
      }
      await submit(data);
    } catch (e) {
      showError(e);
      lock(false);
    }
  }

  async function submit(data) {
    lock(true);
    $('confirm').hidden = true;
    try {
      const response = await fetch('api/measures/' + encodeURIComponent(measureId) + '/applications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(drafts && drafts.ids().length ? Object.assign({}, data, { evidenceDrafts: drafts.ids() }) : data)
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new Huiqi.ApiError(response.status, (body && body.errors) || [{ zh: '提交失败（' + response.status + '）', en: 'Submission failed' }]);
      location.href = 'receipt.html?case=' + encodeURIComponent(body.caseNumber);
    } catch (e) {
      showError(e);
      lock(false);
    }
  }

  // a preview or a question about figures since retyped says nothing any more
  $('form').addEventListener('input', () => {
    $('preview').hidden = true;
    if (!$('confirm').hidden) {
      $('confirm').hidden = true;
      lock(false);
    }
  });
  $('check').addEventListener('click', check);
  $('submit').addEventListener('click', submitClicked);
  $('confirm-submit').addEventListener('click', () => {
    const data = values();
    if (data) submit(data);
  });
  $('confirm-back').addEventListener('click', () => {
    $('confirm').hidden = true;
    lock(false);
  });
  start();
})();
