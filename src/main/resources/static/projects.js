// 项目库页面 The project library page. Talks to /api/projects (huiqi.js, loaded first: session, formats, errors).
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const state = { view: 'projects', projects: [], units: [], canList: true };
  const filter = $('#filter');
  const message = $('#message');

  const { api, text, cell, money, percent, date, month, dateTime, decimalText, problems, pager } = Huiqi;
  const params = new URLSearchParams(location.search);

  function currentMonth() {
    const now = new Date();
    return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
  }

  function showMessage(error) {
    if (error) Huiqi.showError(error, message);
    else Huiqi.say('', null, message);
  }

  function query() {
    const q = new URLSearchParams();
    const locality = filter.elements.locality.value;
    if (locality) q.set('locality', locality);
    q.set('month', filter.elements.month.value || currentMonth());
    return q;
  }

  async function loadUnits() {
    try {
      state.units = (await api('GET', 'api/units')).filter(u => u.kind === 'LOCALITY');
    } catch (e) { state.units = []; }
    for (const select of [filter.elements.locality, $('#project-form').elements.localityUnitId]) {
      for (const u of state.units) {
        const option = document.createElement('option');
        option.value = u.id;
        option.textContent = u.nameZh + ' ' + u.id;
        select.appendChild(option);
      }
    }
    filter.elements.locality.value = params.get('locality') || '';
  }

  async function loadEnterprises() {
    const select = $('#project-form').elements.enterpriseId;
    select.replaceChildren();
    const none = document.createElement('option');
    none.value = '';
    none.textContent = '— 请选择 choose —';
    select.appendChild(none);
    try {
      // the owner's choices: every enterprise the caller may read, by name, a page of 100 at a time
      for (let page = 0, data; !data || (page * data.size < data.total && page < 50);) {
        data = await api('GET', 'api/enterprises?size=100&page=' + page++);
        for (const e of data.items) {
          const option = document.createElement('option');
          option.value = e.id;
          option.textContent = e.name + '（' + e.uscc + '）';
          select.appendChild(option);
        }
      }
    } catch (e) { /* only the id field then */ }
  }

  // the project list a page at a time (GET /api/projects answers {items, total, page, size, ...}); the three lists
  // of a month are bounded and come whole, without the pager
  const pages = pager($('#rows'), (page) => load(page));
  const NO_PAGES = { items: [], total: 0, page: 0, size: 20 };

  /** Shows the page of projects (and the chosen list); keeps the page number unless the filter changed. */
  async function refresh(samePage) {
    await pages.go(samePage ? state.page || 0 : 0).catch(() => {});
  }

  async function load(page) {
    state.page = page;
    let answer = NO_PAGES;
    showMessage(null);
    history.replaceState(null, '', '?' + query().toString() + (state.view === 'projects' ? '' : '&list=' + state.view));
    document.querySelectorAll('.tabs button').forEach(b => b.classList.toggle('active', b.dataset.view === state.view));
    try {
      answer = await api('GET', 'api/projects?' + query() + '&size=20&page=' + page);
      state.projects = answer.items;
      fillReportProjects();
      let rows = state.projects;
      if (state.view === 'projects') {
        $('#definition').textContent = '所选月份月末的状态、累计完成投资与投资进度（投资进度＝累计完成投资÷计划总投资）。 '
          + 'Status, cumulative investment and progress at the end of the month (progress = cumulative ÷ planned total).';
        $('#download').hidden = true;
      } else {
        const list = await api('GET', 'api/projects/lists/' + state.view + '?' + query());
        rows = list.rows;
        $('#definition').textContent = list.titleZh + '（' + list.count + '项）：' + list.definitionZh + ' / ' + list.titleEn + ': ' + list.definitionEn;
        $('#xlsx').href = 'api/projects/lists/' + state.view + '.xlsx?' + query();
        $('#download').hidden = false;
      }
      render(rows);
    } catch (e) {
      state.projects = state.projects || [];
      render([]);
      showMessage(e);
    }
    const editable = state.projects.some(p => p.editable);
    $('#forms').hidden = !(editable || (state.canList && state.projects.length === 0));
    return state.view === 'projects' ? answer : NO_PAGES;
  }

  function render(rows) {
    const body = $('#rows tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      const row = body.insertRow();
      const td = cell(row, '暂无项目 / No projects');
      td.colSpan = 14;
    }
    for (const p of rows) {
      const row = body.insertRow();
      const name = cell(row, '');
      const link = document.createElement('a');
      link.href = '#project-' + p.id;
      link.textContent = p.name;
      link.onclick = (ev) => { ev.preventDefault(); showDetail(p.id); };
      name.replaceChildren(link);
      cell(row, p.enterprise.name);
      cell(row, p.locality.nameZh);
      cell(row, p.typeZh);
      cell(row, p.major ? '是 ✓' : '');
      cell(row, money(p.plannedTotalInvestment), 'amount');
      cell(row, date(p.plannedStart) + ' — ' + date(p.plannedCompletion));
      cell(row, (date(p.actualStart) || '—') + ' — ' + date(p.actualCompletion));
      cell(row, Huiqi.label(p.monthEnd, 'status') + (p.monthEnd.startedInMonth ? '（本月开工）' : '') + (p.monthEnd.completedInMonth ? '（本月完工）' : ''));
      cell(row, money(p.monthEnd.cumulativeInvestment), 'amount');
      cell(row, money(p.monthEnd.cumulativeEquipmentInvestment), 'amount');
      cell(row, percent(p.monthEnd.progress), 'amount');
      cell(row, p.monthEnd.reported ? '是' : '否（沿用）', p.monthEnd.reported ? '' : 'muted');
      const actions = row.insertCell();
      if (p.editable) {
        const edit = document.createElement('button');
        edit.type = 'button';
        edit.textContent = '编辑 Edit';
        edit.onclick = () => editProject(p);
        const report = document.createElement('button');
        report.type = 'button';
        report.textContent = '月报 Report';
        report.onclick = () => startReport(p);
        actions.append(edit, report);
      }
    }
  }

  async function showDetail(id) {
    try {
      const p = await api('GET', 'api/projects/' + id + '?' + query());
      const [reports, events, progress] = await Promise.all([
        api('GET', 'api/projects/' + id + '/reports'),
        api('GET', 'api/projects/' + id + '/history'),
        api('GET', 'api/projects/' + id + '/progress')]);
      $('#detail-title').textContent = p.name + ' — ' + p.enterprise.name + ' · ' + p.locality.nameZh + ' · ' + Huiqi.label(p, 'status');
      $('#detail-progress').textContent = '2023年7—9月平均投资进度 ' + percent(progress.projectAverage)
        + '，总体平均进度 ' + (progress.overallAverage == null ? '—' : percent(progress.overallAverage))
        + '（' + progress.populationSize + '个项目）' + (progress.exceedsOverall ? '，超过总体平均' : '，未超过总体平均')
        + (progress.inPopulation ? '' : '（不在期间内在库项目范围内）')
        + ' / Average progress 2023-07..09 vs overall: ' + (progress.exceedsOverall ? 'above' : 'not above');
      const rbody = $('#reports tbody');
      rbody.replaceChildren();
      for (const r of reports) {
        const row = rbody.insertRow();
        cell(row, month(r.month));
        cell(row, money(r.cumulativeInvestment), 'amount');
        cell(row, money(r.cumulativeEquipmentInvestment), 'amount');
        cell(row, money(r.investmentSincePreviousReport), 'amount');
        cell(row, percent(r.progress), 'amount');
        cell(row, r.note);
        cell(row, r.reportedBy + ' ' + dateTime(r.reportedAt) + (r.correctedBy ? ' · 更正 ' + r.correctedBy + ' ' + dateTime(r.correctedAt) : ''));
      }
      const hbody = $('#history tbody');
      hbody.replaceChildren();
      for (const e of events) {
        const row = hbody.insertRow();
        cell(row, dateTime(e.at));
        cell(row, e.actor);
        cell(row, e.action + (e.reportMonth ? ' ' + e.reportMonth : '') + '：' + (e.detail || ''));
      }
      $('#detail').hidden = false;
      $('#detail').scrollIntoView({ behavior: 'smooth' });
    } catch (e) { showMessage(e); }
  }

  // ---- project form ----
  const projectForm = $('#project-form');

  function clearErrors(form) {
    form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
    $('.form-errors', form).textContent = '';
  }

  function showErrors(form, error) {
    $('.form-errors', form).textContent = problems(error.errors || [{ zh: error.message, en: '' }]);
    for (const e of error.errors || []) {
      const field = e.field && form.elements[e.field];
      if (field && field.classList) field.classList.add('invalid');
      if (e.field === 'enterpriseId') form.elements.enterpriseIdManual.classList.add('invalid');
    }
  }

  function resetProjectForm() {
    projectForm.reset();
    projectForm.elements.editingId.value = '';
    projectForm.elements.enterpriseId.disabled = false;
    projectForm.elements.enterpriseIdManual.disabled = false;
    $('#project-form-title').replaceChildren(text('登记项目 '), Object.assign(document.createElement('small'), { className: 'en', textContent: 'Register a project' }));
    clearErrors(projectForm);
  }

  function editProject(p) {
    resetProjectForm();
    projectForm.elements.editingId.value = p.id;
    projectForm.elements.enterpriseId.value = String(p.enterprise.id);
    projectForm.elements.enterpriseIdManual.value = p.enterprise.id;
    projectForm.elements.enterpriseId.disabled = true;
    projectForm.elements.enterpriseIdManual.disabled = true;
    projectForm.elements.localityUnitId.value = p.locality.id;
    for (const k of ['name', 'type', 'plannedStart', 'plannedCompletion']) projectForm.elements[k].value = p[k];
    projectForm.elements.plannedTotalInvestment.value = decimalText(p.plannedTotalInvestment, 2);
    projectForm.elements.plannedEquipmentInvestment.value = decimalText(p.plannedEquipmentInvestment, 2);
    projectForm.elements.actualStart.value = p.actualStart || '';
    projectForm.elements.actualCompletion.value = p.actualCompletion || '';
    projectForm.elements.major.checked = p.major;
    $('#project-form-title').replaceChildren(text('编辑项目 ' + p.name + ' '), Object.assign(document.createElement('small'), { className: 'en', textContent: 'Edit' }));
    projectForm.scrollIntoView({ behavior: 'smooth' });
  }

  projectForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(projectForm);
    const f = projectForm;
    const enterpriseId = f.elements.enterpriseIdManual.value.trim() || f.elements.enterpriseId.value;
    const body = {
      enterpriseId: enterpriseId ? Number(enterpriseId) : null,
      localityUnitId: f.elements.localityUnitId.value || null,
      name: f.elements.name.value, type: f.elements.type.value,
      plannedTotalInvestment: f.elements.plannedTotalInvestment.value, plannedEquipmentInvestment: f.elements.plannedEquipmentInvestment.value,
      plannedStart: f.elements.plannedStart.value, plannedCompletion: f.elements.plannedCompletion.value,
      actualStart: f.elements.actualStart.value || null, actualCompletion: f.elements.actualCompletion.value || null,
      major: f.elements.major.checked
    };
    try {
      const saved = f.elements.editingId.value ? await api('PUT', 'api/projects/' + f.elements.editingId.value, body) : await api('POST', 'api/projects', body);
      resetProjectForm();
      await refresh(true);
      message.className = 'ok';
      message.textContent = '已保存 Saved: ' + saved.name;
    } catch (e) { showErrors(projectForm, e); }
  });
  $('#project-form-reset').onclick = resetProjectForm;

  // ---- report form ----
  const reportForm = $('#report-form');
  let existingReport = null;

  function fillReportProjects() {
    const select = reportForm.elements.projectId;
    const chosen = select.value;
    select.replaceChildren();
    for (const p of state.projects.filter(p => p.editable)) {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.name + '（' + p.locality.nameZh + '）';
      select.appendChild(option);
    }
    if (chosen) select.value = chosen;
  }

  async function checkExisting() {
    existingReport = null;
    clearErrors(reportForm);
    const id = reportForm.elements.projectId.value;
    const month = reportForm.elements.month.value;
    if (id && month) {
      try {
        existingReport = (await api('GET', 'api/projects/' + id + '/reports')).find(r => r.month === month) || null;
      } catch (e) { existingReport = null; }
    }
    $('#reason-label').hidden = !existingReport;
    $('#report-submit').firstChild.textContent = existingReport ? '更正 ' : '提交 ';
    if (!existingReport) {
      for (const k of ['cumulativeInvestment', 'cumulativeEquipmentInvestment', 'note', 'correctionReason']) reportForm.elements[k].value = '';
    } else {
      reportForm.elements.cumulativeInvestment.value = decimalText(existingReport.cumulativeInvestment, 2);
      reportForm.elements.cumulativeEquipmentInvestment.value = decimalText(existingReport.cumulativeEquipmentInvestment, 2);
      reportForm.elements.note.value = existingReport.note || '';
    }
  }

  function startReport(p) {
    reportForm.elements.projectId.value = p.id;
    reportForm.elements.month.value = filter.elements.month.value;
    checkExisting();
    reportForm.scrollIntoView({ behavior: 'smooth' });
  }

  reportForm.elements.projectId.addEventListener('change', checkExisting);
  reportForm.elements.month.addEventListener('change', checkExisting);
  reportForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(reportForm);
    const f = reportForm;
    const body = {
      month: f.elements.month.value, cumulativeInvestment: f.elements.cumulativeInvestment.value,
      cumulativeEquipmentInvestment: f.elements.cumulativeEquipmentInvestment.value, note: f.elements.note.value || null,
      correctionReason: f.elements.correctionReason.value || null
    };
    try {
      if (!f.elements.projectId.value) throw { errors: [{ field: 'projectId', zh: '请选择项目', en: 'Choose a project' }] };
      const path = 'api/projects/' + f.elements.projectId.value + '/reports';
      const saved = existingReport ? await api('PUT', path + '/' + encodeURIComponent(f.elements.month.value), body) : await api('POST', path, body);
      f.elements.correctionReason.value = '';
      await checkExisting();
      await refresh(true);
      message.className = 'ok';
      message.textContent = '已保存月报 Report saved: ' + saved.month;
    } catch (e) { showErrors(reportForm, e); }
  });

  // ---- start ----
  document.querySelectorAll('.tabs button').forEach(b => b.onclick = () => { state.view = b.dataset.view; refresh(); });
  filter.addEventListener('submit', (ev) => { ev.preventDefault(); refresh(); });

  (async function start() {
    filter.elements.month.value = params.get('month') || currentMonth();
    reportForm.elements.month.value = filter.elements.month.value;
    if (['started', 'completed', 'major'].includes(params.get('list'))) state.view = params.get('list');
    await loadUnits();
    try {
      await api('GET', 'api/projects/lists/started?month=' + filter.elements.month.value);
    } catch (e) {
      if (e.status === 403) {
        state.canList = false;
        document.querySelectorAll('.tabs button:not([data-view=projects])').forEach(b => b.hidden = true);
        state.view = 'projects';
      }
    }
    await loadEnterprises();
    await refresh();
  })();
})();
