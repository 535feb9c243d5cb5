// 退出登录 in a webapp's own menu (Tasklist, Cockpit, Admin). With Keycloak (profile keycloak) Camunda's own login
// form cannot sign anyone in: the server answers the webapp's logout with the page a signed-out browser lands on
// (header X-Huiqi-Signed-Out, the portal's /login.html?signedOut) after it ended the Keycloak session too. The browser
// goes there instead of to the webapp's #/login. Without that header (the quick start, where the webapps sign in on
// their own form) nothing changes.

function target(response) {
  const value = response && typeof response.headers === 'function' ? response.headers('X-Huiqi-Signed-Out') : null;
  // a path of this site only
  return typeof value === 'string' && value.charAt(0) === '/' && value.charAt(1) !== '/' && value.charAt(1) !== '\\'
    ? value : null;
}

function hook() {
  const ng = window.angular;
  const injector = ng && ng.element(document).injector && ng.element(document).injector();
  if (!injector || !injector.has('$rootScope')) return false;
  const root = injector.get('$rootScope');
  root.$on('authentication.logout.success', (event, response) => {
    const signedOut = target(response);
    if (!signedOut) return;
    // neither the logout's own way to #/login nor the one of the route that now lacks a user: Angular checks
    // both flags after this broadcast, in the same digest
    event.preventDefault();
    root.$on('authentication.login.required', (required) => required.preventDefault());
    window.location.replace(signedOut);
  });
  return true;
}

if (!hook()) {
  const observer = new MutationObserver(() => {
    if (hook()) observer.disconnect();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true });
}
