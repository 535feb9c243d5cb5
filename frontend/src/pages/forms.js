// The deployed Camunda Forms (bpmn/forms/*.form) rendered in the enterprise's pages with form-js
// (@bpmn-io/form-js-viewer, the version whose schemaVersion the deployed forms and Camunda 7.24's Tasklist use).
// Bundled by build.mjs to static/forms.js (global HuiqiForms) with its CSS in static/forms.css; the pages load
// it next to huiqi.js. Chinese first: form-js's English validation messages are translated as they are made
// (ZhValidation), its few English button labels are replaced when bundled (build.mjs), dates are typed and
// stored as 2023-08-15 and echoed as 2023年8月15日, amounts are typed with separators and echoed in 万元/亿元.
import { Form, Label, Description, Errors } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { date as chineseDate, money, inUnits } from './format.js';
import { zhMessage, parseAmount, parseDate } from './form-values.js';

export { zhMessage, parseAmount, parseDate };

/** Wraps the form's validator so that every message it makes is Chinese, and checks what our fields parse. */
function ZhValidation(validator) {
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method].bind(validator);
    validator[method] = (fieldOrInstance, value) => {
      const field = method === 'validateField' ? fieldOrInstance : validator._formFieldRegistry.get(fieldOrInstance.id);
      const errors = original(fieldOrInstance, value).map(zhMessage);
      if (field && isDateField(field) && value && !parseDate(value)) {
        errors.push('请按 2023-08-15 的格式填写日期');
      }
      return [...new Set(errors)];
    };
  }
}
ZhValidation.$inject = ['validator'];

const isDateField = (field) => field.type === 'datetime' && (field.subtype || 'date') === 'date';

function fieldClasses(type, errors, disabled, readonly) {
  return ['fjs-form-field', 'fjs-form-field-' + type, errors.length ? 'fjs-has-errors' : '', disabled ? 'fjs-disabled' : '',
    readonly ? 'fjs-readonly' : ''].filter(Boolean).join(' ');
}

/**
 * Keeps what the user types while the form holds the parsed value (or a marker of what does not parse); a value
 * set from outside (import, reset) that the text does not stand for replaces the text.
 */
function useTyped(value, stored) {
  const [typed, setTyped] = useState(value == null ? '' : String(value));
  useEffect(() => {
    if (stored(typed) !== (value === undefined || value === '' ? null : value)) {
      setTyped(value == null ? '' : String(value));
    }
  }, [value]);
  return [typed, setTyped];
}

const storedAmount = (text) => (text.trim() === '' ? null : parseAmount(text) ?? 'NaN');
const storedDate = (text) => (text.trim() === '' ? null : parseDate(text) || text);

/** form-js's number field for amounts in 元: "12,000" or "1.2亿" is 12000 / 120000000; echoed as ¥ and 万元/亿元. */
function AmountField(props) {
  const { disabled, errors = [], domId, onBlur, onFocus, field, readonly, value } = props;
  const { description, label, validate = {} } = field;
  const [typed, setTyped] = useTyped(value, storedAmount);
  const parsed = parseAmount(typed);
  const onInput = (event) => {
    setTyped(event.target.value);
    props.onChange({ field, value: storedAmount(event.target.value) });
  };
  const descriptionId = domId + '-description';
  const errorId = domId + '-error-message';
  return h('div', { class: fieldClasses('number', errors, disabled, readonly) },
    h(Label, { htmlFor: domId, label, required: validate.required }),
    h('input', {
      class: 'fjs-input', id: domId, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: typed,
      disabled, readOnly: readonly, onInput, onBlur: () => onBlur && onBlur(), onFocus: () => onFocus && onFocus(),
      'aria-describedby': [descriptionId, errorId].join(' '), 'aria-invalid': errors.length > 0, placeholder: '例如 12,000,000.00'
    }),
    h('div', { class: 'hq-echo', 'aria-live': 'polite' }, parsed == null ? '' : money(parsed) + inUnits(parsed, ' = ')),
    h(Description, { id: descriptionId, description }),
    h(Errors, { errors, id: errorId }));
}

/** form-js's date field, typed as 2023-08-15 (also 2023/8/15, 20230815, 2023年8月15日) and echoed as 2023年8月15日. */
function DateField(props) {
  const { disabled, errors = [], domId, onBlur, onFocus, field, readonly, value } = props;
  const { description, validate = {} } = field;
  const label = field.dateLabel || field.label;
  const [typed, setTyped] = useTyped(value, storedDate);
  const iso = parseDate(typed);
  const onInput = (event) => {
    setTyped(event.target.value);
    props.onChange({ field, value: storedDate(event.target.value) });
  };
  const descriptionId = domId + '-description';
  const errorId = domId + '-error-message';
  return h('div', { class: fieldClasses('datetime', errors, disabled, readonly) },
    h(Label, { htmlFor: domId, label, required: validate.required }),
    h('input', {
      class: 'fjs-input', id: domId, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: typed, maxlength: 16,
      disabled, readOnly: readonly, onInput, onBlur: () => onBlur && onBlur(), onFocus: () => onFocus && onFocus(),
      placeholder: '2023-08-15', 'aria-describedby': [descriptionId, errorId].join(' '), 'aria-invalid': errors.length > 0
    }),
    h('div', { class: 'hq-echo', 'aria-live': 'polite' }, iso ? chineseDate(iso) : ''),
    h(Description, { id: descriptionId, description }),
    h(Errors, { errors, id: errorId }));
}

function HuiqiFields(formFields) {
  const number = formFields.get('number');
  const datetime = formFields.get('datetime');
  AmountField.config = { ...number.config, sanitizeValue: ({ value }) => (value == null || value === '' ? null : String(value)) };
  DateField.config = { ...datetime.config, sanitizeValue: ({ value }) => (value == null || value === '' ? null : String(value)) };
  formFields.register('number', AmountField);
  // only date-only fields are ours; a time or date-time field keeps form-js's own
  const original = datetime;
  function DateOrOriginal(props) {
    return isDateField(props.field) ? h(DateField, props) : h(original, props);
  }
  DateOrOriginal.config = DateField.config;
  formFields.register('datetime', DateOrOriginal);
}
HuiqiFields.$inject = ['formFields'];

const HuiqiFormsModule = {
  __init__: ['huiqiFields', 'zhValidation'],
  huiqiFields: ['type', HuiqiFields],
  zhValidation: ['type', ZhValidation]
};

/**
 * Renders a deployed form's schema into container with data (input variables, e.g. the select options of
 * measure 3's projects). Answers { form, submit() → {data, errors} } where errors is empty when valid.
 */
export async function render(container, schema, data = {}) {
  const form = new Form({ container, additionalModules: [HuiqiFormsModule] });
  await form.importSchema(typeof schema === 'string' ? JSON.parse(schema) : schema, data);
  return {
    form,
    submit() {
      const { data: values, errors } = form.submit();
      return { data: values, errors: errors || {} };
    }
  };
}

/** Camunda's form variables ({name: {value, type}}) as plain data for the form. */
export function plainVariables(variables) {
  const data = {};
  for (const [name, variable] of Object.entries(variables || {})) {
    if (variable && variable.type !== 'Object' && variable.type !== 'Bytes' && variable.type !== 'File') {
      data[name] = variable.type === 'Json' && typeof variable.value === 'string' ? safeJson(variable.value) : variable.value;
    }
  }
  return data;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return text;
  }
}
