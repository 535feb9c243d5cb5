// 补正材料 Supplement (supplement.html?task=<taskId>): the task's deployed form (GET /engine-rest/task/<id>/deployed-form)
// with the task's form variables (GET /engine-rest/task/<id>/form-variables), rendered by forms.js and submitted
// with POST /engine-rest/task/<id>/submit-form. Only the fields the enterprise may write are sent (the form's
// enabled fields); the engine's task contract (workflow) refuses anything else whatever a page sends.
(function () {
  'use strict';
  const { api, say, showError } = Huiqi;
  const $ = (id) => document.getElementById(id);
  const taskId = new URLSearchParams(location.search).get('task');
  let rendered = null;
  let writable = [];

  /** The keys of the form's fields the user fills in (not disabled, not read-only), through groups and lists. */
  function writableKeys(components, keys = []) {
    for (const c of components || []) {
      if (c.components) writableKeys(c.components, keys);
      else if (c.key && !c.disabled && !c.readonly) keys.push(c.key);
    }
    return keys;
  }

  async function start() {
    if (!taskId || !/^[A-Za-z0-9-]{1,64}$/.test(taskId)) {
      say('链接不完整：缺少任务。请从“待办事项”或站内消息打开。 / The link names no task.', 'error');
      $('submit').disabled = true;
      return;
    }
    try {
      const base = 'engine-rest/task/' + encodeURIComponent(taskId);
      const [task, schema, variables] = await Promise.all([api('GET', base), api('GET', base + '/deployed-form'),
        api('GET', base + '/form-variables')]);
      const data = HuiqiForms.plainVariables(variables);
      $('task-info').textContent = (data.systemCaseNumber ? '案件 ' + data.systemCaseNumber + ' · ' : '') + task.name;
      writable = writableKeys(schema.components);
      rendered = await HuiqiForms.render($('form'), schema, data);
      // the files added while the case waits for this supplement: the reviewer sees them marked 补正后新增
      if (data.systemCaseNumber) Huiqi.evidencePanel($('evidence-slot'), data.systemCaseNumber);
    } catch (e) {
      showError(e);
      $('submit').disabled = true;
    }
  }

  async function submit() {
    if (!rendered) return;
    // form-js writes what is typed after a pause or on leaving the field: leave it first, so nothing typed is missed
    if (document.activeElement && $('form').contains(document.activeElement)) document.activeElement.blur();
    const { data, errors } = rendered.submit();
    if (Object.keys(errors).length > 0) {
      say('请按标红处的提示修改后再提交。 / Please correct the fields marked in red.', 'error');
      return;
    }
    const variables = {};
    for (const key of writable) {
      if (data[key] !== undefined && data[key] !== null) variables[key] = { value: data[key], type: typeof data[key] === 'string' ? 'String' : undefined };
    }
    $('submit').disabled = true;
    try {
      await api('POST', 'engine-rest/task/' + encodeURIComponent(taskId) + '/submit-form', { variables });
      $('form').hidden = true;
      $('submit').hidden = true;
      say('补正已提交，案件回到审核环节，办理期限继续计算。 / The supplement is submitted; the review goes on.', 'ok');
      const done = $('done');
      done.replaceChildren(Object.assign(document.createElement('a'), { href: 'cases.html', textContent: '查看我的案件' }));
      done.hidden = false;
    } catch (e) {
      showError(e);
      $('submit').disabled = false;
    }
  }

  $('submit').addEventListener('click', submit);
  start();
})();
