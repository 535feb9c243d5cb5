// 站内消息页面 The inbox (docs/notices.md): the signed-in user's messages, newest first, 20 a page, unread ones
// marked; opening a message's link or pressing 标为已读 marks it read. Only GET/POST /api/inbox; huiqi.js (loaded
// first) keeps the session and formats dates and errors, and keeps the header's unread badge.
(function () {
  'use strict';
  const { el, api, dateTime, showError } = Huiqi;
  const SIZE = 20;
  const state = { page: 0, unreadOnly: false, total: 0, newest: 0 };
  const $ = (id) => document.getElementById(id);

  async function load() {
    try {
      const data = await api('GET', 'api/inbox?size=' + SIZE + '&page=' + state.page + (state.unreadOnly ? '&unread=true' : ''));
      state.total = data.total;
      for (const m of data.items) state.newest = Math.max(state.newest, m.id);
      render(data);
      Huiqi.refreshInboxBadge(data.unread);
    } catch (e) {
      showError(e);
    }
  }

  function render(data) {
    const list = $('inbox');
    list.replaceChildren();
    if (data.items.length === 0) {
      list.appendChild(el('li', 'inbox-empty', '没有消息 ', el('span', 'en', 'No messages')));
    }
    for (const m of data.items) {
      const item = el('li', m.read ? 'inbox-item' : 'inbox-item unread');
      item.dataset.id = m.id;
      item.dataset.kind = m.kind;
      const head = el('p', 'inbox-head', el('strong', null, m.title.zh), ' ', el('span', 'en', m.title.en));
      const meta = el('p', 'inbox-meta', (m.read ? '' : '未读 · ') + m.kindLabel.zh + ' · ' + dateTime(m.createdAt));
      const body = el('p', 'inbox-body', m.body.zh);
      const bodyEn = el('p', 'inbox-body en', m.body.en);
      const actions = el('p', 'inbox-actions');
      if (m.link) {
        const open = el('a', null, '去查看 ', el('span', 'en', 'Open'));
        open.href = m.link;
        open.onclick = () => { if (!m.read) markRead(m.id, true); };
        actions.append(open, ' ');
      }
      if (!m.read) {
        const read = el('button', 'mark-read', '标为已读 ', el('span', 'en', 'Mark read'));
        read.type = 'button';
        read.onclick = () => markRead(m.id);
        actions.append(read);
      }
      item.append(head, meta, body, bodyEn, actions);
      list.appendChild(item);
    }
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    $('page-of').textContent = '第 ' + (state.page + 1) + ' / ' + pages + ' 页';
    $('prev').disabled = state.page === 0;
    $('next').disabled = state.page + 1 >= pages;
    $('inbox-summary').textContent = '未读 ' + data.unread + ' 条 / ' + data.unread + ' unread';
  }

  async function markRead(id, leaving) {
    try {
      await api('POST', 'api/inbox/' + encodeURIComponent(id) + '/read');
      if (!leaving) load();
    } catch (e) {
      showError(e);
    }
  }

  $('unread-only').onchange = (e) => { state.unreadOnly = e.target.checked; state.page = 0; load(); };
  $('prev').onclick = () => { if (state.page > 0) { state.page--; load(); } };
  $('next').onclick = () => { state.page++; load(); };
  $('read-all').onclick = async () => {
    try {
      if (!state.newest) return;
      const r = await api('POST', 'api/inbox/read-all', { upTo: state.newest });
      Huiqi.say('已标为已读 ' + r.marked + ' 条 / ' + r.marked + ' marked read', 'ok');
      load();
    } catch (e) {
      showError(e);
    }
  };
  load();
})();
