// Tasklist 7.24 keeps "Complete" (task form) and "Start" (start form) disabled as soon as any field inside a
// form-js dynamic list changed: form-js leaves an empty error entry behind (errors.<fieldId> = [] after a valid
// value), and Tasklist counts every key of the errors object as an error. Completing still validates the whole
// form (form-js validate() keeps only real errors, and Tasklist refuses to submit when there are any), so a
// button disabled while the form has a dynamic list and shows no error is enabled again here. A button is left
// alone for a few seconds after it was clicked, while its request is under way.
const BUTTONS = 'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]';
const CLICKED = 'huiqiClickedAt';

function formOf(button) {
  for (let node = button.parentElement; node; node = node.parentElement) {
    const form = node.querySelector('.fjs-container');
    if (form) {
      return form;
    }
  }
  return null;
}

function release() {
  document.querySelectorAll(BUTTONS).forEach((button) => {
    if (!button.disabled || Date.now() - Number(button.dataset[CLICKED] || 0) < 5000) {
      return;
    }
    const form = formOf(button);
    if (form && form.querySelector('.fjs-form-field-dynamiclist') && !form.querySelector('.fjs-has-errors, .fjs-form-field-error')) {
      button.disabled = false;
    }
  });
}

document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest(BUTTONS);
  if (button) {
    button.dataset[CLICKED] = String(Date.now());
  }
}, true);

new MutationObserver(release).observe(document.documentElement, {
  subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'class']
});
