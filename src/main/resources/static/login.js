// 登录页 The sign-in page of the app's pages (quick start and profile mysql): posts the account to /login
// (with the CSRF cookie's token as header), which makes the session the pages and their /api calls use;
// then goes back to the page that sent the browser here (?next=, same site only). huiqi.js (loaded first, with
// <body data-page="login">: no session box, no menu, no sign-in redirect) gives the CSRF token and the messages.
(function () {
  'use strict';
  const $ = (sel) => document.querySelector(sel);
  const params = new URLSearchParams(location.search);

  // only a path of this site, as the browser itself will read it (it drops tabs and newlines and reads "\\" as
  // "/", so "/\t/other.site" and "/\\other.site" are other sites): never another origin, never a scheme
  const next = (function (value) {
    if (!value || value.charAt(0) !== '/' || /[\u0000-\u001f\u007f\\]/.test(value)) return './';
    try {
      const url = new URL(value, location.href);
      // the whole URL: a path alone may read as another site again ("/.//other.site" → "//other.site")
      return url.origin === location.origin ? url.href : './';
    } catch (e) {
      return './';
    }
  })(params.get('next'));

  const { csrfToken, problems } = Huiqi;
  const say = (text, kind) => Huiqi.say(text, kind);

  // signed out (of the pages, the webapps and, with Keycloak, Keycloak itself): say so and offer to sign in again,
  // which with Keycloak is Keycloak's login form (login.html without ?signedOut needs a session there)
  if (params.has('signedOut')) {
    say('已退出登录。 Signed out.', 'ok');
    document.getElementById('login').hidden = true;
    document.getElementById('sign-in-again').hidden = false;
  }

  // already signed in (or, with Keycloak, back from Keycloak's login page): straight on
  fetch('api/me', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
    .then(r => { if (r.ok && !params.has('signedOut')) location.replace(next); }, () => {});

  $('#login').onsubmit = async (event) => {
    event.preventDefault();
    const user = $('#login-user').value.trim();
    const password = $('#login-password').value;
    if (!user || !password) {
      say('请输入账号和密码。 Enter your account and password.', 'error');
      return;
    }
    $('#login-submit').disabled = true;
    try {
      const response = await fetch('login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json',
          'X-Requested-With': 'XMLHttpRequest', 'X-HUIQI-XSRF-TOKEN': csrfToken() || '' },
        body: new URLSearchParams({ username: user, password: password })
      });
      if (response.ok) {
        location.replace(next);
        return;
      }
      $('#login-password').value = '';
      if (response.status === 403) {
        // no or an old CSRF cookie (e.g. the page was open across a sign-out): a fresh page has one
        say('页面已过期，请重新输入。 The page expired, please try again.', 'error');
        await fetch('login.html', { cache: 'no-store' });
        return;
      }
      const body = await response.json().catch(() => null);
      const errors = (body && body.errors) || [{ zh: '登录失败（' + response.status + '）', en: 'Sign-in failed (' + response.status + ')' }];
      say(problems(errors), 'error');
    } catch (e) {
      say('无法连接服务器。 Cannot reach the server.', 'error');
    } finally {
      $('#login-submit').disabled = false;
    }
  };
})();
