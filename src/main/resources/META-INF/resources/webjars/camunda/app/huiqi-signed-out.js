// Signing out of a webapp (Tasklist, Cockpit, Admin), and a session that ended meanwhile, under Keycloak (profile
// keycloak), where Camunda's own login form cannot sign anyone in ("Login Failed: Wrong credentials"). There every
// answer of the webapps carries X-Huiqi-Signed-Out, the portal's signed-out page (/login.html?signedOut):
// - 退出登录 in the webapp's menu: the server ended the app and Keycloak sessions; the browser goes to that page;
// - a request refused for want of a session (signed out elsewhere, ended by an administrator, expired): the page is
//   loaded again, which the server sends through Keycloak's login (or straight back while Keycloak still knows the
//   user); twice within a minute means that does not help, and the browser goes to the signed-out page instead.
// Without the header (the quick start, where the webapps sign in on their own form) nothing changes.

const HEADER = 'X-Huiqi-Signed-Out';
const RELOADED_AT = 'huiqiSignInAgainAt';

/** A path of this site only. */
function sitePath(value) {
  return typeof value === 'string' && value.charAt(0) === '/' && value.charAt(1) !== '/' && value.charAt(1) !== '\\'
    ? value : null;
}

let signedOutPage = null;
// the header on this very file: asked once, while the session that loaded the page is still there
fetch(import.meta.url, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
  .then((response) => { signedOutPage = sitePath(response.headers.get(HEADER)); }, () => {});

function signInAgain() {
  const last = Number(sessionStorage.getItem(RELOADED_AT) || 0);
  if (Date.now() - last < 60000) {
    sessionStorage.removeItem(RELOADED_AT);
    window.location.replace(signedOutPage);
    return;
  }
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
}

function hook() {
  const ng = window.angular;
  const injector = ng && ng.element(document).injector && ng.element(document).injector();
  if (!injector || !injector.has('$rootScope')) return false;
  const root = injector.get('$rootScope');
  let leaving = false;
  root.$on('authentication.logout.success', (event, response) => {
    const target = sitePath(response && typeof response.headers === 'function' ? response.headers(HEADER) : null) || signedOutPage;
    if (!target) return;
    // Angular checks both flags after this broadcast, in the same digest: neither the logout's way to #/login nor
    // the one of the route that now lacks a user
    event.preventDefault();
    leaving = true;
    window.location.replace(target);
  });
  root.$on('authentication.login.required', (event) => {
    if (!signedOutPage && !leaving) return;
    event.preventDefault();
    if (!leaving) {
      leaving = true;
      signInAgain();
    }
  });
  return true;
}

if (!hook()) {
  const observer = new MutationObserver(() => {
    if (hook()) observer.disconnect();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true });
}
