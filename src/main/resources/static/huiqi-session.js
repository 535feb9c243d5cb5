// 惠企 pages: the signed-in session (quick start: the sign-in page login.html; profile keycloak: Keycloak's
// login page). Loaded before each page's own script. Every same-origin fetch of the page sends the CSRF
// header that the API asks of session requests which change something, a 401 sends the browser to sign in
// (and back), and the header shows who is signed in with a sign-out button.
(function () {
  'use strict';
  const COOKIE = 'HUIQI-XSRF-TOKEN';
  const HEADER = 'X-HUIQI-XSRF-TOKEN';
  const SAFE = ['GET', 'HEAD', 'OPTIONS'];
  const nativeFetch = window.fetch.bind(window);

  function csrfToken() {
    const pair = document.cookie.split('; ').find(c => c.startsWith(COOKIE + '='));
    return pair ? decodeURIComponent(pair.substring(COOKIE.length + 1)) : null;
  }

  function sameOrigin(url) {
    try { return new URL(url, location.href).origin === location.origin; } catch (e) { return false; }
  }

  function signIn() {
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
    if (response.status === 401) signIn();
    return response;
  };

  // who is signed in, and the way out: a real form post, so the server may answer with a redirect
  const header = document.querySelector('header');
  if (!header) return;
  const box = document.createElement('p');
  box.id = 'session';
  header.prepend(box);
  nativeFetch('api/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : null, () => null)
    .then(me => {
      if (!me) {
        const link = document.createElement('a');
        link.className = 'on-red';
        link.href = 'login.html?next=' + encodeURIComponent(location.pathname);
        link.textContent = '登录 Sign in';
        box.append(link);
        return;
      }
      const form = document.createElement('form');
      form.method = 'post';
      form.action = 'logout';
      form.id = 'sign-out';
      const csrf = document.createElement('input');
      csrf.type = 'hidden';
      csrf.name = '_csrf';
      csrf.value = csrfToken() || '';
      const name = document.createElement('span');
      name.id = 'session-user';
      name.textContent = me.userId + ' · ';
      const button = document.createElement('button');
      button.type = 'submit';
      button.textContent = '退出 Sign out';
      button.onclick = () => { csrf.value = csrfToken() || ''; };
      form.append(csrf, name, button);
      box.append(form);
    });
})();
