// 申报材料 Evidence files: the reusable widgets (exported through huiqi.js as Huiqi.evidencePanel, Huiqi.draftUploader).
//  - evidencePanel(container, caseNumber): a case's files (kind, order, name, type, size, date, "补正后新增" for the files
//    added since the latest send-back), the required documents still missing, download links, and — while the case
//    awaits the enterprise's supplement — an upload form (GET/POST /api/cases/{n}/evidence).
//  - draftUploader(container, measure, orders): uploads before the application exists (POST /api/evidence/drafts);
//    .ids() gives the draft ids the application lists in evidenceDrafts.
// Names and texts go into the page as text, never as HTML; the type is checked by the server from the content.
import { dateTime, problems } from './format.js';

const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function node(tag, cls, ...children) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  for (const c of children) n.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return n;
}

function en(textEn) {
  return node('span', 'en', textEn);
}

/** 1.2 MB, 340 KB */
export function fileSize(bytes) {
  if (bytes >= 1024 * 1024) return (bytes / 1048576).toFixed(1) + ' MB';
  return Math.max(1, Math.ceil(bytes / 1024)) + ' KB';
}

function kindText(file) {
  return file.kindZh + (file.orderIndex ? '（订单' + file.orderIndex + '）' : '');
}

async function readJson(response) {
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = (data && data.errors) || [{ zh: '请求失败（' + response.status + '）', en: 'Request failed (' + response.status + ')' }];
    const error = new Error(problems(errors, 'en'));
    error.errors = errors;
    throw error;
  }
  return data;
}

function upload(path, fields, file) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== '' && v != null) body.append(k, v);
  body.append('file', file, file.name);
  return fetch(path, { method: 'POST', body, headers: { Accept: 'application/json' } }).then(readJson);
}

/** The form's kind and order pickers: one option per kind, the order picker only for per-order kinds. */
function pickers(kinds, orders) {
  const kind = node('select', null);
  kind.name = 'kind';
  for (const k of kinds) {
    const o = node('option', null, k.zh + (k.required ? '' : '（选填）') + ' ' + k.en);
    o.value = k.code;
    kind.append(o);
  }
  const order = node('select', null);
  order.name = 'orderIndex';
  for (let i = 1; i <= Math.max(1, orders); i++) {
    const o = node('option', null, '第' + i + '笔 Order ' + i);
    o.value = String(i);
    order.append(o);
  }
  const orderLabel = node('label', null, '订单 ', en('Order'), order);
  const sync = () => {
    const k = kinds.find(x => x.code === kind.value);
    orderLabel.hidden = !(k && k.perOrder);
  };
  kind.addEventListener('change', sync);
  sync();
  const file = node('input', null);
  file.type = 'file';
  file.name = 'file';
  file.accept = ACCEPT;
  file.required = true;
  return { kind, order, orderLabel, file, fields: () => ({ kind: kind.value, orderIndex: orderLabel.hidden ? '' : order.value }) };
}

function fileList(files) {
  const list = node('ul', 'evidence-files');
  for (const f of files) {
    const link = node('a', null, f.fileName);
    link.href = f.href.replace(/^\//, '');
    link.setAttribute('download', '');
    link.rel = 'noopener';
    const item = node('li', f.addedAfterLatestSendBack ? 'added' : null,
      node('span', 'kind', kindText(f)), ' ', link, ' ',
      node('span', 'meta', f.format + ' · ' + fileSize(f.size) + ' · ' + dateTime(f.uploadedAt)));
    if (f.addedAfterLatestSendBack) item.append(' ', node('mark', 'badge', '补正后新增'), en(' added after the send-back'));
    list.append(item);
  }
  return list;
}

/** A case's evidence: list, missing documents, and the supplement upload while the case awaits the enterprise. */
export function evidencePanel(container, caseNumber) {
  const path = 'api/cases/' + encodeURIComponent(caseNumber) + '/evidence';
  const message = node('p', 'evidence-message');
  message.setAttribute('role', 'status');

  async function render() {
    let data;
    try {
      data = await fetch(path, { headers: { Accept: 'application/json' } }).then(readJson);
    } catch (e) {
      container.replaceChildren(node('h3', null, '申报材料 ', en('Evidence files')), message);
      message.className = 'evidence-message error';
      message.textContent = problems(e.errors || [{ zh: e.message, en: e.message }]);
      return;
    }
    const parts = [node('h3', null, '申报材料 ', en('Evidence files'))];
    parts.push(data.files.length ? fileList(data.files) : node('p', null, '尚无上传的材料 ', en('No files yet')));
    if (data.missing.length) {
      parts.push(node('p', 'missing', '尚缺：' + data.missing.map(m => m.zh + (m.orderIndex ? '（订单' + m.orderIndex + '）' : '')).join('、'),
        node('br'), en('Still missing: ' + data.missing.map(m => m.en + (m.orderIndex ? ' (order ' + m.orderIndex + ')' : '')).join(', '))));
    }
    if (data.canUpload) {
      const p = pickers(data.kinds, data.orders);
      const button = node('button', null, '上传 ', en('Upload'));
      button.type = 'submit';
      const form = node('form', 'bar evidence-upload',
        node('label', null, '材料类别 ', en('Kind'), p.kind), p.orderLabel, node('label', null, '文件（PDF、OFD、JPG、PNG）', en('File'), p.file), button);
      form.addEventListener('submit', async ev => {
        ev.preventDefault();
        if (!p.file.files.length) return;
        button.disabled = true;
        message.className = 'evidence-message';
        message.textContent = '正在上传… Uploading…';
        try {
          const stored = await upload(path, p.fields(), p.file.files[0]);
          await render();
          message.className = 'evidence-message ok';
          message.textContent = '已上传：' + stored.fileName + ' / Uploaded';
        } catch (e) {
          message.className = 'evidence-message error';
          message.textContent = problems(e.errors || [{ zh: e.message, en: e.message }]);
        } finally {
          button.disabled = false;
        }
      });
      parts.push(node('p', 'definition', '案件待补正材料，可补充上传。 ', en('The case awaits your supplement: add files here.')), form);
    }
    parts.push(node('p', 'definition', data.noteZh + ' ', en(data.noteEn)), message);
    container.replaceChildren(...parts);
  }

  render();
  return { refresh: render };
}

/** Uploads before applying: returns { ids() } for the application's evidenceDrafts. */
export function draftUploader(container, measure, orders, enterpriseId) {
  const uploaded = [];
  const message = node('p', 'evidence-message');
  const listBox = node('div', null);
  fetch('api/evidence/kinds?measure=' + encodeURIComponent(measure), { headers: { Accept: 'application/json' } }).then(readJson).then(data => {
    const p = pickers(data.kinds, orders || 1);
    const button = node('button', null, '上传 ', en('Upload'));
    button.type = 'button';
    button.addEventListener('click', async () => {
      if (!p.file.files.length) return;
      button.disabled = true;
      try {
        const stored = await upload('api/evidence/drafts', Object.assign({ measure, enterpriseId }, p.fields()), p.file.files[0]);
        uploaded.push(stored);
        listBox.replaceChildren(fileList(uploaded));
        message.className = 'evidence-message ok';
        message.textContent = '已上传：' + stored.fileName + ' / Uploaded';
        p.file.value = '';
      } catch (e) {
        message.className = 'evidence-message error';
        message.textContent = problems(e.errors || [{ zh: e.message, en: e.message }]);
      } finally {
        button.disabled = false;
      }
    });
    container.replaceChildren(node('h3', null, '申报材料 ', en('Evidence files')), listBox,
      node('div', 'bar evidence-upload', node('label', null, '材料类别 ', en('Kind'), p.kind), p.orderLabel,
        node('label', null, '文件（PDF、OFD、JPG、PNG）', en('File'), p.file), button),
      node('p', 'definition', data.noteZh + ' ', en(data.noteEn)), message);
  }).catch(e => {
    message.className = 'evidence-message error';
    message.textContent = problems(e.errors || [{ zh: e.message, en: e.message }]);
    container.replaceChildren(message);
  });
  return { ids: () => uploaded.map(f => f.id), files: () => uploaded.slice() };
}

