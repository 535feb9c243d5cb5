// 工作日历 The working-day calendar (docs/working-days.md): a year month by month with rest days and 调休 working days,
// the list of exceptions with their source, and for administrators (camunda-admin) an edit form and a year's import.
// huiqi.js (loaded first) keeps the session (CSRF header, sign-in on a 401) and formats dates and errors.
(function () {
  'use strict';
  const { api, el, cell, date, dateTime, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
  const params = new URLSearchParams(location.search);
  let year = Number(params.get('year')) || new Date().getFullYear();
  let view = null;

  async function load() {
    try {
      view = await api('GET', 'api/calendar/' + year);
      render();
    } catch (e) {
      showError(e);
    }
  }

  function iso(y, m, d) {
    return y + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }

  function render() {
    $('year-title').textContent = view.year + '年';
    $('warning').hidden = view.noticeLoaded;
    $('warning').replaceChildren(...(view.noticeLoaded ? [] : [view.warningZh, ' ', el('span', 'en', view.warningEn)]));
    $('notice-source').textContent = view.noticeLoaded ? '依据 Source：' + view.noticeSource : '';
    const byDate = new Map(view.days.map(d => [d.date, d]));
    const months = $('months');
    months.replaceChildren();
    for (let m = 1; m <= 12; m++) {
      const table = el('table', 'month');
      table.createCaption().textContent = m + '月';
      const head = table.createTHead().insertRow();
      WEEK.forEach(w => head.appendChild(el('th', null, w)));
      const body = table.createTBody();
      const first = new Date(Date.UTC(view.year, m - 1, 1));
      const days = new Date(Date.UTC(view.year, m, 0)).getUTCDate();
      let row = body.insertRow();
      for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) row.insertCell();
      for (let d = 1; d <= days; d++) {
        const weekday = (first.getUTCDay() + d - 1) % 7; // 0 = Sunday
        if (weekday === 1 && d > 1) row = body.insertRow();
        const day = byDate.get(iso(view.year, m, d));
        const c = row.insertCell();
        c.textContent = d;
        c.dataset.date = iso(view.year, m, d);
        if (day) {
          c.className = day.kind;
          c.title = day.occasion + '（' + day.kindZh + '）';
          c.appendChild(el('small', null, day.kind === 'rest' ? '休' : '班'));
        } else if (weekday === 0 || weekday === 6) {
          c.className = 'weekend';
        }
      }
      months.appendChild(table);
    }
    const tbody = document.querySelector('#days tbody');
    tbody.replaceChildren();
    for (const d of view.days) {
      const row = tbody.insertRow();
      row.dataset.date = d.date;
      cell(row, date(d.date));
      cell(row, d.weekday);
      cell(row, d.kindZh + ' / ' + d.kindEn, d.kind);
      cell(row, d.occasion);
      cell(row, d.source);
      const actions = row.insertCell();
      actions.className = 'admin-only';
      if (view.canEdit) actions.append(editButton(d), ' ', removeButton(d));
    }
    document.querySelectorAll('.admin-only').forEach(e => { e.hidden = !view.canEdit; });
    $('edit').hidden = !view.canEdit;
    $('import').hidden = !view.canEdit;
    if (!$('import-year').value) $('import-year').value = view.year;
    $('changes').hidden = view.changes.length === 0;
    const changes = document.querySelector('#changes tbody');
    changes.replaceChildren();
    for (const c of view.changes) {
      const row = changes.insertRow();
      cell(row, dateTime(c.changedAt));
      cell(row, c.changedBy);
      cell(row, date(c.date));
      cell(row, c.oldKind ? c.oldKind + ' ' + (c.oldOccasion || '') : '—');
      cell(row, c.newKind ? c.newKind + ' ' + (c.occasion || '') : '—');
      cell(row, c.note);
    }
  }

  function editButton(day) {
    const button = el('button', 'edit', '修改 Edit');
    button.type = 'button';
    button.onclick = () => {
      $('edit-date').value = day.date;
      $('edit-kind').value = day.kind;
      $('edit-occasion').value = day.occasion;
      $('edit-source').value = day.source;
      $('edit-date').focus();
    };
    return button;
  }

  function removeButton(day) {
    const button = el('button', 'remove', '删除 Remove');
    button.type = 'button';
    button.onclick = async () => {
      if (!confirm('删除 ' + day.date + ' 的调整，恢复为周一至周五上班、周末休息？ / Remove this day\'s exception?')) return;
      await act('DELETE', 'api/calendar/days/' + encodeURIComponent(day.date), null, '已删除 / Removed ' + day.date);
    };
    return button;
  }

  async function act(method, path, body, done) {
    try {
      const answer = await api(method, path, body);
      await load();
      say(typeof done === 'function' ? done(answer) : done, 'ok');
    } catch (e) {
      showError(e);
    }
  }

  // the CSV's columns; a header row and blank lines are skipped
  function rows(textValue) {
    return textValue.split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('date,')).map(l => {
      const [date, weekday, kind, occasion, source] = l.split(',').map(v => v.trim());
      return { date, weekday, kind, occasion, source };
    });
  }

  $('edit-form').onsubmit = async (event) => {
    event.preventDefault();
    const day = $('edit-date').value;
    await act('PUT', 'api/calendar/days/' + encodeURIComponent(day),
      { kind: $('edit-kind').value, occasion: $('edit-occasion').value, source: $('edit-source').value }, '已保存 / Saved ' + day);
  };
  $('import-form').onsubmit = async (event) => {
    event.preventDefault();
    const target = $('import-year').value.trim();
    await act('POST', 'api/calendar/' + encodeURIComponent(target) + '/notice',
      { source: $('import-source').value.trim() || null, rows: rows($('import-rows').value) },
      r => target + '年通知已导入：新增 ' + r.added + '、修改 ' + r.changed + '、删除 ' + r.removed + '、未变 ' + r.unchanged
        + ' / imported: ' + r.added + ' added, ' + r.changed + ' changed, ' + r.removed + ' removed');
  };
  $('previous').onclick = () => { year--; history.replaceState(null, '', '?year=' + year); load(); };
  $('next').onclick = () => { year++; history.replaceState(null, '', '?year=' + year); load(); };

  load();
})();
