// Camunda Forms (form-js) in Tasklist 7.24, repaired through form-js and Angular rather than around them:
//
// 1. Complete stays disabled once a field of a dynamic list changed: form-js's _update() writes an empty entry
//    into its errors state (errors.<field id>[<row>] deleted from an array leaves errors.<field id> = [ <empty> ]),
//    and Tasklist's "changed" listener counts every key of that object as an error ($invalid = true). A listener
//    of form-js's own "changed" event, ahead of Tasklist's, drops the entries that hold no message.
// 2. form-js's validation messages are English only ("Field is required."): shown in Chinese first.
// 3. The toast of a refused Complete ("提交任务表单时出错") says what to do when the form itself refused it.
//
// The toasts themselves moved to the top of the page (styles/user-styles.css): at the bottom right they lay over
// the form's Complete button, so a click after a failed attempt hit the toast and sent nothing.

const BEFORE_TASKLIST = 2000; // form-js EventBus: higher priority listeners run first (Tasklist's: default 1000)
const hooked = new WeakSet();

/** Whether an errors entry holds at least one message (entries of a dynamic list nest by row). */
function hasMessage(value) {
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.some(hasMessage); // some() skips the holes form-js leaves
  if (value && typeof value === 'object') return Object.values(value).some(hasMessage);
  return false;
}

function dropEmptyEntries(errors) {
  if (!errors) return;
  Object.keys(errors).forEach((key) => {
    if (!hasMessage(errors[key])) delete errors[key];
  });
}

/** The form-js Form rendered into a .fjs-container: its Preact tree (kept on the container) provides it. */
function formOf(container) {
  const queue = [container.__k];
  for (let i = 0; i < queue.length && i < 200; i++) {
    const vnode = queue[i];
    if (!vnode) continue;
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      try {
        return value.getService('form', false);
      } catch (e) {
        return null;
      }
    }
    if (Array.isArray(vnode.__k)) queue.push(...vnode.__k);
  }
  return null;
}

function hookForms() {
  document.querySelectorAll('.fjs-container').forEach((container) => {
    if (hooked.has(container)) return;
    const form = formOf(container);
    if (!form || typeof form.on !== 'function') return; // not rendered yet: the next mutation tries again
    hooked.add(container);
    form.on('changed', BEFORE_TASKLIST, (state) => dropEmptyEntries(state && state.errors));
    dropEmptyEntries(form._getState && form._getState().errors);
  });
}

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => '至少填写 ' + m[1] + ' 个字符'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => '最多填写 ' + m[1] + ' 个字符'],
  [/^Field must have minimum value of (.+)\.$/, (m) => '不能小于 ' + m[1]],
  [/^Field must have maximum value of (.+)\.$/, (m) => '不能大于 ' + m[1]],
  [/^Field must match pattern (.+)\.$/, () => '格式不符合要求'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => '最多 ' + m[1] + ' 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => '请填写有效的值，最接近的有效值为 ' + m[1] + ' 和 ' + m[2]],
];

/**
 * "此项为必填项 / Field is required.": Chinese first, form-js's English after it. The text node itself is changed,
 * not replaced, so Preact (which compares its own props, not the DOM) still updates it when the message changes.
 */
function translateMessages() {
  document.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const node = item.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return;
    for (const [pattern, zh] of MESSAGES) {
      const m = pattern.exec(node.data);
      if (m) {
        node.data = zh(m) + ' / ' + node.data;
        return;
      }
    }
  });
}

const FORM_REFUSED = '请按表单中标红的提示填写后再提交 / Please correct the fields marked in red, then submit again';
let notificationsDecorated = false;

/** Tasklist's Notifications service (Angular): a Complete the form itself refused carries no message; give it one. */
function decorateNotifications() {
  const ng = window.angular;
  const injector = ng && ng.element(document).injector && ng.element(document).injector();
  if (!injector || !injector.has('Notifications')) return;
  const notifications = injector.get('Notifications');
  const addError = notifications.addError;
  notifications.addError = function (notification) {
    if (notification && !notification.message && document.querySelector('.fjs-form-field-error')) {
      notification.message = FORM_REFUSED;
    }
    return addError.apply(this, arguments);
  };
  notificationsDecorated = true;
}

function repair() {
  hookForms();
  translateMessages();
  if (!notificationsDecorated) decorateNotifications();
}

new MutationObserver(repair).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
repair();
