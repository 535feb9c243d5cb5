// 惠企 pages' shared module, bundled by build.mjs into static/huiqi.js (window.Huiqi) and loaded before each
// page's own script. It gives the pages one way to
//  - write figures, dates and labels (format.js: money ¥1,234,567.89, 万元, 2023年8月15日 14:05, "中文 / English");
//  - call the API (api(): JSON in and out, a failure throws with the bilingual problems of common.ApiErrors);
//  - show messages and errors (say(), showError());
//  - keep the session: every same-origin fetch sends the CSRF header the API asks of session requests that
//    change something, a 401 sends the browser to sign in (and back), the header shows who is signed in
//    with a sign-out button (quick start: login.html; profile keycloak: Keycloak's login page);
//  - show the top menu, with the policy's measures from GET /api/measures (public), or without them when
//    that answers nothing.
// The sign-in page (<body data-page="login">) gets the helpers but no session box, no menu, no redirect.
import * as format from './format.js';

export { evidencePanel, draftUploader, fileSize } from './evidence.js';

const COOKIE = 'HUIQI-XSRF-TOKEN';
const HEADER = 'X-HUIQI-XSRF-TOKEN';
const SAFE = ['GET', 'HEAD', 'OPTIONS'];
const nativeFetch = window.fetch.bind(window);
const signInPage = document.body && document.body.dataset.page === 'login';

export const { money, amount, wan, words, inUnits, capitals, sumAmounts, percent, date, dateTime, month, label, problems, decimalText } = format;

// ---- DOM -------------------------------------------------------------------------------------------
export const text = (value) => document.createTextNode(value == null ? '' : String(value));

/** A new cell of `row` with `value` as text (never as HTML). */
export function cell(row, value, cls) {
  const td = row.insertCell();
  td.appendChild(text(value));
  if (cls) td.className = cls;
  return td;
}

/** An element with a class and text children: el('span', 'en', 'Fund'). */
export function el(tag, cls, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  for (const child of children) node.append(child instanceof Node ? child : text(child));
  return node;
}

/** An amount cell: ¥ figure, and under it the 万元 figure when `inWan` (caps and totals, as officials read them). */
export function moneyCell(row, value, inWan) {
  const td = cell(row, money(value), 'amount');
  if (inWan && value != null) td.appendChild(el('div', 'wan', wan(value)));
  return td;
}

// ---- messages --------------------------------------------------------------------------------------
function target(where) {
  return typeof where === 'string' ? document.querySelector(where) : where || document.getElementById('message');
}

/** A message in #message (or `where`): kind 'error', 'ok' or none. */
export function say(message, kind, where) {
  const box = target(where);
  if (!box) return;
  box.className = kind || '';
  box.textContent = message || '';
}

/** The problems of a failed api() call (or any Error), in both languages unless `lang` picks one. */
export function showError(error, where, lang) {
  const errors = (error && error.errors) || [{ zh: error && error.message, en: error && error.message }];
  say(problems(errors, lang), 'error', where);
}

// ---- API -------------------------------------------------------------------------------------------
export class ApiError extends Error {
  constructor(status, errors) {
    super(problems(errors, 'en'));
    this.status = status;
    this.errors = errors;
  }
}

/** JSON request to the app's API; answers the parsed body, throws ApiError (status, errors) on a failure. */
export async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, format.requestFailed(0));
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, (data && data.errors) || format.requestFailed(response.status));
  return data;
}

// ---- session ---------------------------------------------------------------------------------------
export function csrfToken() {
  const pair = document.cookie.split('; ').find(c => c.startsWith(COOKIE + '='));
  return pair ? decodeURIComponent(pair.substring(COOKIE.length + 1)) : null;
}

function sameOrigin(url) {
  try { return new URL(url, location.href).origin === location.origin; } catch (e) { return false; }
}

// set when the user signs out: an answer of 401 to a request still in flight must not turn the way out into a sign-in
let signingOut = false;

function signIn() {
  if (signingOut) return;
  location.href = 'login.html?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
}

window.fetch = async function (input, init) {
  const request = typeof input === 'string' || input instanceof URL ? null : input;
  if (!sameOrigin(request ? request.url : input)) return nativeFetch(input, init);
  init = Object.assign({}, init);
  const headers = new Headers(init.headers || (request ? request.headers : undefined));
  headers.set('X-Requested-With', 'XMLHttpRequest');
  const method = String(init.method || (request ? request.method : 'GET')).toUpperCase();
  const token = csrfToken();
  if (!SAFE.includes(method) && token) headers.set(HEADER, token);
  init.headers = headers;
  init.credentials = 'same-origin';
  const response = await nativeFetch(input, init);
  if (response.status === 401 && !signInPage) signIn();
  return response;
};

/** GET without the sign-in redirect: null for anything but a 2xx JSON answer. */
function quietly(path) {
  return nativeFetch(path, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : null, () => null)
    .catch(() => null);
}

/** Who is signed in ({userId, name, groupIds} of GET /api/me), or null. */
export const me = signInPage ? Promise.resolve(null) : quietly('api/me');

/** The policy and its measures (GET /api/measures), or null while that is not served. */
export const catalogue = signInPage ? Promise.resolve(null) : quietly('api/measures')
  .then(c => c && Array.isArray(c.measures) ? c : null);

/** The measures whose cases are paid from the fund, in policy order ([] without the catalogue). */
export const payingMeasures = catalogue.then(c => c ? c.measures.filter(m => m.paysMoney) : []);

/** "M1 支持工业企业拓展国内国际市场" */
export function measureName(measure, lang) {
  return measure.id + ' ' + label(measure.name, undefined, lang || 'zh');
}

/** Fills `select` with one option per measure (value = id), after its existing options. */
export function measureOptions(select, measures) {
  for (const m of measures) {
    const option = document.createElement('option');
    option.value = m.id;
    option.appendChild(text(measureName(m)));
    option.title = label(m.name, undefined, 'en');
    select.appendChild(option);
  }
}

function sessionBox(header) {
  const box = el('p');
  box.id = 'session';
  header.prepend(box);
  me.then(user => {
    if (!user) {
      const link = el('a', 'on-red', '登录 Sign in');
      link.href = 'login.html?next=' + encodeURIComponent(location.pathname);
      box.append(link);
      return;
    }
    // the way out is a real form post, so the server may answer with a redirect
    const form = el('form');
    form.method = 'post';
    form.action = 'logout';
    form.id = 'sign-out';
    const csrf = el('input');
    csrf.type = 'hidden';
    csrf.name = '_csrf';
    csrf.value = csrfToken() || '';
    // the person's name, never the login id (that only as a tooltip)
    const name = el('span', null, (user.name || '已登录') + ' · ');
    name.title = user.userId;
    name.id = 'session-user';
    box.append(inboxLink());
    const button = el('button', null, '退出登录 ', el('span', 'en', 'Sign out'));
    button.type = 'submit';
    button.onclick = () => { csrf.value = csrfToken() || ''; };
    form.addEventListener('submit', () => { signingOut = true; });
    form.append(csrf, name, button);
    box.append(form);
  });
}

// ---- inbox badge -----------------------------------------------------------------------------------
// 消息 with the number of unread messages (GET /api/inbox/unread-count), to inbox.html; the inbox page refreshes it.
function inboxLink() {
  const badge = el('span');
  badge.id = 'inbox-badge';
  badge.hidden = true;
  const link = el('a', 'on-red', '消息 ', badge);
  link.id = 'inbox-link';
  link.href = 'inbox.html';
  link.title = '站内消息 Inbox';
  if (here('inbox.html')) link.setAttribute('aria-current', 'page');
  quietly('api/inbox/unread-count').then(r => refreshInboxBadge(r ? r.unread : null));
  return link;
}

/** Shows `unread` on the header's badge (hidden at 0 or null). */
export function refreshInboxBadge(unread) {
  const badge = document.getElementById('inbox-badge');
  if (!badge) return;
  badge.hidden = !unread;
  badge.textContent = unread > 99 ? '99+' : String(unread || 0);
  badge.setAttribute('aria-label', '未读 ' + (unread || 0) + ' unread');
}

// ---- menu ------------------------------------------------------------------------------------------
// Who may use which page, as the pages' APIs decide it (default deny: a page not listed for a role is not linked;
// the API refuses it anyway). Groups: docs/security.md.
const OFFICIAL_PAGES = {
  'cases.html': () => true,
  'projects.html': (g, locality) => locality || ['gxj', 'policy-admin', 'camunda-admin', 'auditor'].some(x => g.includes(x)),
  'fund.html': (g) => ['policy-admin', 'czj', 'camunda-admin', 'auditor'].some(x => g.includes(x)),
  'settlements.html': (g) => ['gxj', 'czj', 'policy-admin', 'camunda-admin', 'auditor'].some(x => g.includes(x)),
  'rules.html': (g) => ['policy-admin', 'camunda-admin', 'auditor'].some(x => g.includes(x)),
  'rounds.html': (g) => ['policy-admin', 'gxj', 'camunda-admin', 'auditor'].some(x => g.includes(x)),
  // the evaluation of the localities (measures 5, 6): gxj leads, tjj provides the statistics, each locality its own
  'evaluations.html': (g, locality) => locality || ['gxj', 'tjj', 'policy-admin', 'auditor'].some(x => g.includes(x)),
  // measure 7's demands, visits, 12345 imports and visit plans: the localities, gxj, the handling units, auditors
  'assistance.html': (g, locality, handling) => locality || handling || ['gxj', 'auditor'].some(x => g.includes(x)),
  // the figures of measure 7 (帮扶): gxj and auditors all, a locality or a handling unit its own (the API decides)
  'assistance-figures.html': () => true,
  // measure 8: matchmaking events (jrb, co-organisers, auditors, institution staff — in no unit of GET /api/units and no
  // role — the API decides which events) and the guide funds (ctjt screens, jrb and a locality follow the requests)
  'financing-events.html': (g, locality, handling, institution) => institution
    || ['jrb', 'gxj', 'zxqyj', 'auditor'].some(x => g.includes(x)),
  'guide-funds.html': (g, locality, handling, institution) => locality || institution
    || ['ctjt', 'jrb', 'gxj', 'zxqyj', 'auditor'].some(x => g.includes(x)),
  // measure 8's demands (helper m8flow): the enterprise's own page; officials who read demands (jrb, gxj, zxqyj, the
  // localities, auditors); an institution's staff work on /institution.html (the API decides what they see)
  'financing.html': (g, locality) => locality || ['jrb', 'gxj', 'zxqyj', 'auditor'].some(x => g.includes(x)),
  // measure 8's figures: jrb, gxj, zxqyj and auditors all, a locality its own enterprises' demands (the API decides)
  'financing-figures.html': (g, locality) => locality || ['jrb', 'gxj', 'zxqyj', 'auditor'].some(x => g.includes(x)),
  'institution.html': (g, locality, handling, institution) => institution,
  // the fulfilment board (兑现看板, measure 9): gxj, czj, auditors, leaders, policy staff and operators all, a locality its own
  'board.html': (g, locality) => locality || ['gxj', 'czj', 'auditor', 'leader', 'policy-admin', 'camunda-admin'].some(x => g.includes(x)),
  'calendar.html': () => true,
  // not for a financial institution's staff: they work only in the portal and the app's API (measure 8)
  'camunda/app/tasklist/': (g, locality, handling, institution) => !institution,
  'camunda/app/cockpit/': (g) => ['camunda-admin', 'auditor'].some(x => g.includes(x)),
  'camunda/app/admin/': (g) => g.includes('camunda-admin'),
  'swagger-ui.html': () => true
};

// The pages of an enterprise login besides its portal (home): its demands (measure 7), events and guide funds (measure 8).
const ENTERPRISE_PAGES = ['demands.html', 'financing.html', 'financing-events.html', 'guide-funds.html'];

/** An enterprise login (applicant or agent): the portal is its whole site, no Tasklist. */
/**
 * The enterprise a portal page acts for, of those the login acts for (one page of GET api/enterprises): the one chosen
 * last in this tab, else the first. With several, the page's #acting-for select lists them (#acting-choice shown);
 * choosing one remembers it and calls onChange(enterprise).
 */
const ACTING_FOR = 'huiqi-acting-for';
export function actingFor(enterprises, onChange) {
  const remembered = sessionStorage.getItem(ACTING_FOR);
  const chosen = enterprises.find(e => String(e.id) === remembered) || enterprises[0];
  if (enterprises.length > 1) {
    const select = document.getElementById('acting-for');
    for (const e of enterprises) {
      const option = el('option', null, e.name);
      option.value = e.id;
      select.appendChild(option);
    }
    select.value = chosen.id;
    select.onchange = () => {
      sessionStorage.setItem(ACTING_FOR, select.value);
      onChange(enterprises.find(e => String(e.id) === select.value));
    };
    document.getElementById('acting-choice').hidden = false;
  }
  return chosen;
}

export const isEnterprise = (user) => Boolean(user && user.groupIds && user.groupIds.includes('enterprise'));

/** The units (GET /api/units), for the pages a locality or a handling unit may use; [] for an enterprise. */
const units = signInPage ? Promise.resolve([]) : me.then(user => user && !isEnterprise(user)
  ? quietly('api/units').then(all => all || []) : []);
const localities = units.then(all => all.filter(u => u.kind === 'LOCALITY').map(u => u.id));
const handlingUnits = units.then(all => all.filter(u => u.handling).map(u => u.id));

// role groups, never units; a login in none of them and in no unit of the list is a financial institution's staff (measure 8)
const ROLE_GROUPS = ['camunda-admin', 'policy-admin', 'enterprise', 'auditor', 'leader'];

/** Whether the signed-in `user` may use the page at `href` (home always; nothing else without a login). */
export async function mayUse(user, href) {
  if (href === './') return true;
  if (!user) return false;
  const groups = user.groupIds || [];
  if (isEnterprise(user)) return ENTERPRISE_PAGES.includes(href);
  // 市领导 read the fulfilment board and nothing else
  if (groups.length > 0 && groups.every(g => g === 'leader')) return href === 'board.html';
  const rule = OFFICIAL_PAGES[href];
  if (!rule) return false;
  const ids = await localities;
  const handling = await handlingUnits;
  const known = (await units).map(u => u.id).concat(ROLE_GROUPS);
  return rule(groups, groups.some(g => ids.includes(g)), groups.some(g => handling.includes(g)),
    groups.length > 0 && !groups.some(g => known.includes(g)));
}

// The app's pages. `needs` hides a page whose measures the catalogue does not have (with no catalogue,
// every page is shown); the signed-in user's role hides the pages it may not use (mayUse).
const PAGES = [
  { href: './', zh: '首页', en: 'Home' },
  { href: 'cases.html', zh: '我的案件', en: 'Cases' },
  { href: 'projects.html', zh: '项目库', en: 'Projects' },
  { href: 'fund.html', zh: '资金池', en: 'Fund', needs: m => m.paysMoney },
  { href: 'settlements.html', zh: '结算与拨付', en: 'Settlements', needs: m => m.paysMoney },
  { href: 'evaluations.html', zh: '地区评价', en: 'Evaluation', needs: m => m.applicant === 'LOCALITY' && m.paysMoney },
  // measure 7 (帮扶): the officials' work page, the enterprise's demands
  { href: 'assistance.html', zh: '企业帮扶', en: 'Assistance', needs: m => m.id === 'M7' },
  { href: 'assistance-figures.html', zh: '帮扶统计', en: 'Assistance figures', needs: m => m.id === 'M7' },
  { href: 'demands.html', zh: '我的诉求', en: 'My demands', needs: m => m.id === 'M7' },
  // measure 8 (融资): demands (officials and enterprises), the institutions' page, matchmaking events, guide funds
  { href: 'financing.html', zh: '融资需求', en: 'Financing', needs: m => m.id === 'M8' },
  { href: 'institution.html', zh: '金融机构对接', en: 'Institution', needs: m => m.id === 'M8' },
  { href: 'financing-events.html', zh: '产融对接', en: 'Matchmaking', needs: m => m.id === 'M8' },
  { href: 'guide-funds.html', zh: '引导基金', en: 'Guide funds', needs: m => m.id === 'M8' },
  { href: 'financing-figures.html', zh: '融资统计', en: 'Financing figures', needs: m => m.id === 'M8' },
  { href: 'board.html', zh: '兑现看板', en: 'Fulfilment board' },
  { href: 'rules.html', zh: '规则管理', en: 'Rules', needs: m => m.ruleTables && m.ruleTables.length > 0 },
  { href: 'calendar.html', zh: '工作日历', en: 'Calendar' },
  { href: 'camunda/app/tasklist/', zh: '任务列表', en: 'Tasklist' }
];

function here(href) {
  const page = location.pathname.split('/').pop();
  return href === './' ? page === '' || page === 'index.html' : page === href;
}

function menu(header) {
  const nav = el('nav', 'menu');
  nav.id = 'menu';
  nav.setAttribute('aria-label', '导航 Menu');
  const list = el('ul');
  const items = PAGES.map(page => {
    const link = el('a', null, page.zh, ' ', el('span', 'en', page.en));
    link.href = page.href;
    if (here(page.href)) link.setAttribute('aria-current', 'page');
    const item = el('li', null, link);
    list.appendChild(item);
    return { page, item };
  });
  nav.appendChild(list);
  header.appendChild(nav);
  me.then(async user => {
    for (const { page, item } of items) if (!(await mayUse(user, page.href))) item.hidden = true;
  });
  catalogue.then(c => {
    if (!c) return;
    for (const { page, item } of items) if (page.needs && !c.measures.some(page.needs)) item.hidden = true;
    // the policy's measures, each to its entry in the catalogue on the home page
    const details = el('details', 'measures', el('summary', null, '政策措施 ', el('span', 'en', 'Measures')));
    const measures = el('ul');
    for (const m of c.measures) {
      const link = el('a', null, measureName(m), ' ', el('span', 'en', label(m.name, undefined, 'en')));
      link.href = './#measure-' + encodeURIComponent(m.id);
      measures.appendChild(el('li', null, link));
    }
    details.appendChild(measures);
    list.appendChild(el('li', null, details));
  });
}

const header = document.querySelector('body > header');
if (header && !signInPage) {
  sessionBox(header);
  menu(header);
}

// The pager of a paged list ({items, total, page, size}, as GET /api/cases answers): 上一页 / 下一页 and
// "第 n 页 / 共 m 条", inserted after the list's table; load(page) fetches and shows a page and returns the answer.
export function pager(table, load) {
  const bar = el('p', 'case-pages');
  bar.hidden = true;
  const prev = el('button', null, '上一页 ', el('span', 'en', 'Previous'));
  const position = el('span', 'page-of');
  const next = el('button', null, '下一页 ', el('span', 'en', 'Next'));
  prev.type = next.type = 'button';
  bar.append(prev, ' ', position, ' ', next);
  table.after(bar);
  let page = 0;
  async function go(to) {
    const data = await load(to);
    page = data.page;
    const pages = Math.max(1, Math.ceil(data.total / data.size));
    position.textContent = '第 ' + (page + 1) + ' 页 / 共 ' + data.total + ' 条 · page ' + (page + 1) + ' of ' + pages
      + ', ' + data.total + ' in all';
    prev.disabled = page === 0;
    next.disabled = page + 1 >= pages;
    bar.hidden = data.total === 0;
    return data;
  }
  prev.onclick = () => go(page - 1).catch(showError);
  next.onclick = () => go(page + 1).catch(showError);
  return { go, reload: () => go(page), first: () => go(0) };
}
