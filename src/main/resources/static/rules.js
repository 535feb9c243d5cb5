// 规则管理页面 The rules page (docs/rules.md). Talks to /api/rules with the session of the sign-in page
// (huiqi.js, loaded first: the CSRF header, the sign-in on a 401, formats and errors).
// The decision-table editor is camunda-dmn-js, bundled by the Maven build into vendor/dmn-editor/.
(function () {
  'use strict';
  const $ = (sel, root) => (root || document).querySelector(sel);
  const LANG = 'huiqi.lang';
  const params = new URLSearchParams(location.search);
  const state = { lang: localStorage.getItem(LANG) || 'zh', catalog: null, key: null, detail: null, editor: null,
    whatIf: null, whatIfXml: null, rollbackVersion: null };

  const t = (zh, en) => state.lang === 'en' ? en : zh;
  const { text, cell, money } = Huiqi;
  const when = (iso) => Huiqi.dateTime(iso, state.lang);
  const via = (v) => ({ RULES_PAGE: t('规则管理页面', 'Rules page'), SEED: t('系统初始表', 'Bundled seed'),
    ENGINE_API: t('引擎接口（如 Modeler）', 'Engine API (e.g. Modeler)') })[v] || v;

  // ---- language --------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-zh]').forEach(el => { el.textContent = state.lang === 'en' ? el.dataset.en : el.dataset.zh; });
    $('#lang').textContent = state.lang === 'en' ? '中文' : 'English';
  }
  $('#lang').onclick = () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANG, state.lang);
    applyLanguage();
    if (state.catalog) renderCatalog();
    if (state.detail) renderDetail();
    if (state.whatIf) renderWhatIf();
  };

  const api = Huiqi.api;
  const show = (message, kind) => Huiqi.say(message, kind);
  const showError = (error) => Huiqi.showError(error, null, state.lang);

  async function start() {
    show('');
    const key = params.get('key');
    const version = params.get('version');
    try {
      if (key && version) {
        // a reviewer's link from a case: exactly the version that decided it, read-only
        await showVersionOnly(key, Number(version));
      } else {
        state.catalog = await api('GET', 'api/rules');
        renderCatalog();
        if (key || location.hash) await openDecision(key || location.hash.substring(1));
      }
    } catch (e) {
      showError(e);
    }
  }

  // ---- catalog ---------------------------------------------------------------------------------
  function renderCatalog() {
    const body = $('#decisions tbody');
    body.replaceChildren();
    for (const d of state.catalog.decisions) {
      const row = body.insertRow();
      row.dataset.key = d.key;
      const link = document.createElement('a');
      link.href = '#' + d.key;
      link.dataset.key = d.key;
      link.appendChild(text(d.key));
      link.onclick = (event) => { event.preventDefault(); history.replaceState(null, '', '#' + d.key); openDecision(d.key); };
      row.insertCell().appendChild(link);
      cell(row, d.name);
      cell(row, 'v' + d.current.version, 'version');
      cell(row, d.current.publishedBy || t('（未知）', '(unknown)'));
      cell(row, when(d.current.publishedAt));
      cell(row, via(d.current.via));
    }
    $('#catalog').hidden = false;
  }

  // ---- one decision ----------------------------------------------------------------------------
  async function openDecision(key) {
    closeEditor();
    state.key = key;
    state.detail = await api('GET', 'api/rules/' + encodeURIComponent(key));
    renderDetail();
    $('#detail').hidden = false;
  }

  function renderDetail() {
    const d = state.detail;
    const v = d.decision.current;
    $('#detail-title').textContent = d.decision.key + ' — ' + d.decision.name + ' · ' + t('现行第 ', 'version in force: v') + v.version + t(' 版', '');
    $('#detail-meta').textContent = t('发布人 ', 'Published by ') + (v.publishedBy || '—') + ' · ' + when(v.publishedAt) + ' · ' + via(v.via)
      + (v.note ? ' · ' + v.note : '');
    $('#edit').hidden = !d.canPublish;
    renderTable($('#readonly'), d.table);
    renderSentences(d.sentences);
    loadConfirmation(d.decision.key, v.version, d.canPublish);
    const body = $('#versions tbody');
    body.replaceChildren();
    for (const version of d.versions) {
      const row = body.insertRow();
      row.dataset.version = version.version;
      if (version.version === v.version) row.className = 'current';
      cell(row, 'v' + version.version + (version.version === v.version ? t('（现行）', ' (in force)') : ''));
      cell(row, version.publishedBy || '—');
      cell(row, when(version.publishedAt));
      cell(row, via(version.via) + (version.publicationKind === 'ROLLBACK' ? t('：回滚到 v', ': rollback to v') + version.restoredVersion : ''));
      const notes = cell(row, version.note || '');
      const publication = d.publications.find(p => p.version === version.version);
      if (publication && publication.diff && publication.diff.length) {
        const list = document.createElement('ul');
        list.className = 'diff';
        for (const line of publication.diff) list.appendChild(diffItem(line));
        notes.appendChild(list);
      }
      const actions = row.insertCell();
      const view = document.createElement('a');
      view.href = 'rules.html?key=' + encodeURIComponent(d.decision.key) + '&version=' + version.version;
      view.appendChild(text(t('查看', 'View')));
      actions.appendChild(view);
      if (d.canPublish && version.version !== v.version) {
        const rollback = document.createElement('button');
        rollback.type = 'button';
        rollback.className = 'rollback';
        rollback.appendChild(text(t('回滚到此版本', 'Roll back to this version')));
        rollback.onclick = () => rollbackWhatIf(version.version);
        actions.appendChild(text(' '));
        actions.appendChild(rollback);
      }
    }
  }

  function diffItem(line) {
    const li = document.createElement('li');
    const where = line.ruleId ? t('规则 ', 'rule ') + line.ruleId + (line.ruleIndex ? t('（第' + line.ruleIndex + '行）', ' (row ' + line.ruleIndex + ')') : '') : '';
    const column = line.columnLabel ? ' · ' + line.columnLabel : '';
    const value = (x) => x == null || x === '' ? t('（空）', '(empty)') : x;
    const labels = { RULE_ADDED: t('新增规则', 'rule added'), RULE_REMOVED: t('删除规则', 'rule removed'), COLUMN_ADDED: t('新增列', 'column added'),
      COLUMN_REMOVED: t('删除列', 'column removed'), HIT_POLICY: t('命中策略', 'hit policy'), NAME: t('名称', 'name'), RULE_MOVED: t('行序', 'row order') };
    let detail;
    if (line.change === 'RULE_ADDED') detail = labels.RULE_ADDED + '：' + value(line.newValue);
    else if (line.change === 'RULE_REMOVED') detail = labels.RULE_REMOVED + '：' + value(line.oldValue);
    else if (labels[line.change]) detail = labels[line.change] + '：' + value(line.oldValue) + ' → ' + value(line.newValue);
    else detail = value(line.oldValue) + ' → ' + value(line.newValue);
    li.appendChild(text(where + column + ' ' + detail));
    return li;
  }

  function renderTable(container, table) {
    container.replaceChildren();
    if (!table) {
      container.appendChild(text(t('（不是决策表）', '(not a decision table)')));
      return;
    }
    const el = document.createElement('table');
    const head = el.createTHead().insertRow();
    const th = (label, cls) => { const h = document.createElement('th'); h.className = cls || ''; h.appendChild(text(label)); head.appendChild(h); return h; };
    th(table.hitPolicy.charAt(0));
    for (const input of table.inputs) { const h = th(input.label || input.expression, 'input'); h.title = input.expression; }
    for (const output of table.outputs) { const h = th((output.label || output.expression), 'output'); h.title = output.expression; }
    th(t('说明', 'Annotation'));
    const body = el.createTBody();
    for (const rule of table.rules) {
      const row = body.insertRow();
      row.dataset.ruleId = rule.id;
      cell(row, rule.index);
      table.inputs.forEach((input, i) => { const c = cell(row, rule.inputEntries[i] || '-', 'cell'); c.dataset.colId = input.id; });
      table.outputs.forEach((output, i) => { const c = cell(row, rule.outputEntries[i], 'cell'); c.dataset.colId = output.id; });
      cell(row, rule.description, 'annotation');
    }
    container.appendChild(el);
  }

  // each rule as a plain-Chinese sentence, written by the server (rules.RuleSentences)
  function renderSentences(sentences) {
    const list = $('#sentences');
    list.replaceChildren();
    for (const s of sentences || []) {
      const li = document.createElement('li');
      li.dataset.ruleId = s.ruleId;
      if (s.labelledDefault) li.className = 'labelled-default';
      li.appendChild(text(s.text));
      list.appendChild(li);
    }
    $('#sentences-panel').hidden = !(sentences && sentences.length);
  }

  // a version whose rates are labelled defaults: policy staff confirm it (rules.RateConfirmationController)
  async function loadConfirmation(key, version, canConfirm) {
    const panel = $('#confirmation');
    panel.hidden = true;
    let c;
    try {
      c = await api('GET', 'api/rules/' + encodeURIComponent(key) + '/versions/' + version + '/confirmation');
    } catch (e) {
      return; // a reviewer reading the version that decided a case may not see the confirmation: nothing to show
    }
    if (state.key !== key && params.get('key') !== key) return;
    if (!c.defaultRates) return;
    panel.hidden = false;
    panel.dataset.version = version;
    if (c.confirmedBy) {
      $('#confirmation-state').textContent = t('已确认（', 'Confirmed (') + c.confirmedBy + t('，', ', ') + when(c.confirmedAt) + t('）', ')')
        + (c.note ? t('：', ': ') + c.note : '');
      $('#confirmation-state').className = 'confirmed';
      $('#confirm-form').hidden = true;
      return;
    }
    $('#confirmation-state').textContent = t('第 ' + version + ' 版的奖励比例为系统默认值，待确认；确认前，按此版本认定的奖励均标注为暂定。',
      'The rates of version ' + version + ' are labelled defaults, to be confirmed; until then the rewards it decides are shown as provisional.');
    $('#confirmation-state').className = 'warn';
    $('#confirm-form').hidden = !canConfirm;
    $('#confirm-rates').onclick = async () => {
      const note = $('#confirm-note').value.trim();
      if (!note) {
        show(t('请填写确认说明。', 'Write the confirmation note.'), 'error');
        return;
      }
      $('#confirm-rates').disabled = true;
      try {
        await api('POST', 'api/rules/' + encodeURIComponent(key) + '/versions/' + version + '/confirmation', { note });
        $('#confirm-note').value = '';
        show(t('已确认第 ' + version + ' 版的默认比例。', 'The default rates of version ' + version + ' are confirmed.'));
        await loadConfirmation(key, version, canConfirm);
      } catch (e) {
        showError(e);
      } finally {
        $('#confirm-rates').disabled = false;
      }
    };
  }

  async function showVersionOnly(key, version) {
    const v = await api('GET', 'api/rules/' + encodeURIComponent(key) + '/versions/' + version);
    $('#detail').hidden = false;
    $('#detail-title').textContent = key + ' — ' + v.name + ' · v' + v.version.version + (v.current ? t('（现行）', ' (in force)') : t('（非现行）', ' (not in force)'));
    $('#detail-meta').textContent = t('发布人 ', 'Published by ') + (v.version.publishedBy || '—') + ' · ' + when(v.version.publishedAt) + ' · ' + via(v.version.via)
      + (v.version.note ? ' · ' + v.version.note : '');
    renderTable($('#readonly'), v.table);
    renderSentences(v.sentences);
    loadConfirmation(key, v.version.version, false);
    $('#versions').previousElementSibling.hidden = true;
    $('#versions').hidden = true;
  }

  // ---- editing ---------------------------------------------------------------------------------
  function loadEditorBundle() {
    if (window.HuiqiDmnEditor) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = 'vendor/dmn-editor/dmn-editor.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = 'vendor/dmn-editor/dmn-editor.js';
      script.onload = resolve;
      script.onerror = () => reject(new Error(t('编辑器未能加载（vendor/dmn-editor），请用 Maven 构建', 'The editor did not load (vendor/dmn-editor): build with Maven')));
      document.head.appendChild(script);
    });
  }

  $('#edit').onclick = async () => {
    try {
      await loadEditorBundle();
      closeEditor();
      $('#editor-panel').hidden = false;
      $('#readonly').hidden = true;
      state.editor = await window.HuiqiDmnEditor.open($('#dmn-editor'), state.detail.xml, state.detail.decision.key);
      state.editor.onChange(() => invalidateWhatIf());
      $('#dmn-editor').dataset.ready = 'true';
      show(t('编辑中：修改后请校验并试算。', 'Editing: validate and run a what-if after your changes.'));
    } catch (e) {
      showError(e);
    }
  };

  $('#cancel-edit').onclick = () => { closeEditor(); show(''); };

  function closeEditor() {
    if (state.editor) { state.editor.destroy(); state.editor = null; }
    $('#dmn-editor').replaceChildren();
    delete $('#dmn-editor').dataset.ready;
    $('#editor-panel').hidden = true;
    $('#readonly').hidden = false;
    state.whatIf = null;
    state.whatIfXml = null;
    state.rollbackVersion = null;
    $('#whatif-panel').hidden = true;
  }

  function invalidateWhatIf() {
    if (state.whatIf && state.rollbackVersion == null) {
      state.whatIf = null;
      state.whatIfXml = null;
      $('#whatif-panel').hidden = true;
      show(t('草稿已修改：请重新试算后再发布。', 'The draft changed: run the what-if again before publishing.'));
    }
  }

  $('#validate').onclick = async () => {
    try {
      const xml = await state.editor.getXml();
      const result = await api('POST', 'api/rules/' + encodeURIComponent(state.key) + '/validate', { xml });
      if (result.valid) show(t('校验通过：XML、FEEL 与决策 id 均有效。', 'Valid: XML, FEEL and decision ids are fine.'), 'ok');
      else showError({ errors: result.problems });
    } catch (e) {
      showError(e);
    }
  };

  $('#what-if').onclick = async () => {
    try {
      const xml = await state.editor.getXml();
      show(t('试算中…', 'Running the what-if…'));
      state.whatIf = await api('POST', 'api/rules/' + encodeURIComponent(state.key) + '/what-if', { xml });
      state.whatIfXml = xml;
      state.rollbackVersion = null;
      renderWhatIf();
      show(t('试算完成。', 'What-if done.'), 'ok');
    } catch (e) {
      showError(e);
    }
  };

  async function rollbackWhatIf(version) {
    try {
      closeEditor();
      show(t('试算中…', 'Running the what-if…'));
      state.whatIf = await api('POST', 'api/rules/' + encodeURIComponent(state.key) + '/what-if', { version });
      state.rollbackVersion = version;
      renderWhatIf();
      show(t('回滚试算完成：第 ' + version + ' 版将重新发布为最新版本。', 'What-if done: version ' + version + ' will be published again as the newest.'), 'ok');
      $('#whatif-panel').scrollIntoView();
    } catch (e) {
      showError(e);
    }
  }

  function renderWhatIf() {
    const w = state.whatIf;
    if (!w) return;
    const summary = $('#whatif-summary');
    summary.replaceChildren();
    const line = (content, cls) => { const p = document.createElement('p'); p.className = 'figure ' + (cls || ''); p.appendChild(text(content)); summary.appendChild(p); return p; };
    line(t('相对现行第 ' + w.baseVersion + ' 版', 'Against version ' + w.baseVersion + ' in force') + (w.restoresVersion ? t('，恢复第 ' + w.restoresVersion + ' 版', ', restoring version ' + w.restoresVersion) : ''));
    line(t('评估已认定案件 ', 'Decided cases evaluated: ') + w.casesEvaluated + t(' 件，结果变化 ', '; outcomes changed: ') + w.outcomesChanged + t(' 件', ''))
      .id = 'whatif-counts';
    if (!w.casesEvaluated && !(w.measures || []).length) {
      line(t('尚无按此表认定的案件（如企业诉求分办表 demand-routing）：试算只校验草稿', 'No case has been decided by this table yet (e.g. demand-routing): the what-if only checks the draft'))
        .id = 'whatif-no-cases';
    }
    if (w.totalBefore != null) {
      line(t('奖励合计（不含已驳回）：', 'Total reward (rejected cases excluded): ') + money(w.totalBefore) + ' → ' + money(w.totalAfter)
        + t(' 元（差额 ', ' CNY (difference ') + money(w.difference) + ')').id = 'whatif-totals';
    }
    if (w.measure) {
      if (w.poolCap == null) line(t('措施 ' + w.measure + ' 资金池上限尚未设置', 'No pool cap set for ' + w.measure));
      else line(t('资金池上限 ', 'Pool cap ') + money(w.poolCap) + '：' + (w.exceedsCapAfter
        ? t('草稿将超出上限（结算时将按规则缩减）', 'the draft would pass the cap (settlement would scale rewards)')
        : t('未超出', 'not passed')), w.exceedsCapAfter ? 'warn' : '').id = 'whatif-pool';
    }
    if (w.errors > 0) line(t(w.errors + ' 件无法判定：不能发布', w.errors + ' case(s) could not be decided: cannot publish'), 'warn');

    const diff = $('#whatif-diff');
    diff.replaceChildren();
    const list = document.createElement('ul');
    list.className = 'diff';
    for (const l of w.diff) list.appendChild(diffItem(l));
    if (!w.diff.length) list.appendChild(text(t('与现行版本相比规则没有变化', 'No change to the rules against the version in force')));
    diff.appendChild(list);

    const table = $('#whatif-cases');
    const head = table.tHead;
    head.replaceChildren();
    const h = head.insertRow();
    for (const label of [t('案件', 'Case'), t('状态', 'Status'), t('原认定', 'Recorded'), t('草稿', 'Draft')]) { const th = document.createElement('th'); th.appendChild(text(label)); h.appendChild(th); }
    const body = table.tBodies[0];
    body.replaceChildren();
    const outcome = (o) => o.error ? '⚠ ' + o.error : o.units != null ? o.units
      : (o.eligible ? t('符合 ', 'eligible ') + money(o.amount) + (o.tier ? ' (' + o.tier + ')' : '') : t('不符合', 'not eligible'));
    for (const c of w.cases) {
      const row = body.insertRow();
      if (c.changed) row.className = 'changed';
      cell(row, c.caseNumber + (c.decidedByVersion ? ' (v' + c.decidedByVersion + ')' : ''));
      cell(row, c.status);
      cell(row, outcome(c.before));
      cell(row, outcome(c.after));
    }
    for (const m of w.measures || []) {
      const row = body.insertRow();
      if (m.changed) row.className = 'changed';
      cell(row, m.measure);
      cell(row, '');
      cell(row, m.before);
      cell(row, m.after);
    }
    table.hidden = !(w.cases.length || (w.measures || []).length);
    $('#publish-form').hidden = !state.detail.canPublish;
    // while a round of the measure is open the publisher must say whom the new version applies to (docs/rounds.md)
    const round = w.openRound;
    $('#scope-choice').hidden = !round;
    for (const radio of document.querySelectorAll('input[name=scope]')) {
      radio.checked = false;
      radio.onchange = () => { $('#publish').disabled = !w.publishable || !chosenScope(); };
    }
    if (round) {
      const pinned = round.pinnedVersion == null ? w.baseVersion : round.pinnedVersion;
      $('#scope-legend').textContent = t('措施 ' + round.measure + ' 的批次「' + round.name + '」正在申报中，本批次案件按第 ' + pinned + ' 版认定。新版本适用于：',
        'Round "' + round.name + '" of ' + round.measure + ' is open; its cases are decided by version ' + pinned + '. The new version applies:');
    }
    $('#publish').disabled = !w.publishable || (round && !chosenScope());
    $('#publish').textContent = state.rollbackVersion ? t('回滚：重新发布第 ' + state.rollbackVersion + ' 版', 'Roll back: publish version ' + state.rollbackVersion + ' again')
      : t('发布为新版本', 'Publish as new version');
    $('#whatif-panel').hidden = false;
  }

  function chosenScope() {
    const checked = document.querySelector('input[name=scope]:checked');
    return checked ? checked.value : undefined;
  }

  $('#publish').onclick = async () => {
    const note = $('#note').value.trim();
    if (!note) {
      show(t('请填写修改说明', 'A change note is required'), 'error');
      $('#note').focus();
      return;
    }
    try {
      let published;
      if (state.rollbackVersion) {
        published = await api('POST', 'api/rules/' + encodeURIComponent(state.key) + '/rollback',
          { version: state.rollbackVersion, note, whatIfToken: state.whatIf.token, scope: chosenScope() });
      } else {
        const xml = await state.editor.getXml();
        if (xml !== state.whatIfXml) { invalidateWhatIf(); return; }
        published = await api('POST', 'api/rules/' + encodeURIComponent(state.key) + '/publish', { xml, note, whatIfToken: state.whatIf.token, scope: chosenScope() });
      }
      $('#note').value = '';
      const key = state.key;
      state.catalog = await api('GET', 'api/rules');
      renderCatalog();
      await openDecision(key);
      const redecided = published.redecisions ? published.redecisions.length : 0;
      show(published.scope === 'THIS_ROUND'
        ? t('已发布第 ' + published.version + ' 版：批次「' + published.roundName + '」改按新版本认定，' + redecided + ' 件案件已重新认定（见各案件办理记录）。',
          'Published version ' + published.version + ': round "' + published.roundName + '" now decides by it; ' + redecided + ' case(s) decided again (see their timelines).')
        : published.scope === 'NEXT_ROUND'
          ? t('已发布第 ' + published.version + ' 版：自下一批次起适用，批次「' + published.roundName + '」仍按原版本认定。',
            'Published version ' + published.version + ': it applies from the next round on; round "' + published.roundName + '" keeps its version.')
          : t('已发布第 ' + published.version + ' 版：此后进入规则认定的案件按新版本认定。', 'Published version ' + published.version
            + ': cases reaching their rule task from now on are decided by it.'), 'ok');
      $('#message').dataset.published = String(published.version);
    } catch (e) {
      showError(e);
    }
  };

  applyLanguage();
  start();
})();
