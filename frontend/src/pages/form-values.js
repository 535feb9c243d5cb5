// What the portal's form fields accept and say, without the DOM (node's test runner checks it:
// frontend/test/form-values.test.mjs).

/** form-js's English validation messages (form-js-viewer 1.10) in Chinese; an unknown one keeps a Chinese lead. */
const MESSAGES = [
  [/^Field is required\.$/, () => '请填写此项'],
  [/^Field must match pattern (.*)\.$/, () => '格式不正确，请按说明填写'],
  [/^Field must have minimum value of (.*)\.$/, (m) => '不能小于 ' + m[1]],
  [/^Field must have maximum value of (.*)\.$/, (m) => '不能大于 ' + m[1]],
  [/^Field must have minimum length of (.*)\.$/, (m) => '至少填写 ' + m[1] + ' 个字'],
  [/^Field must have maximum length of (.*)\.$/, (m) => '最多填写 ' + m[1] + ' 个字'],
  [/^Value is not a number\.$/, () => '请输入数字，例如 12,000,000.00'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => '最多保留 ' + m[1] + ' 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/, (m) => '请选择有效的值，最接近的是 ' + m[1] + ' 或 ' + m[2]],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（含国家代码，如 +86）']
];

export function zhMessage(message) {
  const text = String(message);
  for (const [pattern, zh] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) return zh(match);
  }
  return /[\u4e00-\u9fff]/.test(text) ? text : '填写有误，请检查此项';
}

const UNITS = { '万': 4, '亿': 8 };

/**
 * An amount as typed: "12,000", "12，000.50", "¥ 1 200", "1.2亿", "500万" → a plain decimal string with at
 * most two decimals ("12000", "12000.50", "120000000"); null for anything else (letters, two points, more
 * than two decimals in 元).
 */
export function parseAmount(text) {
  if (text == null) return null;
  let plain = String(text).trim().replace(/^[¥￥]\s*/, '').replace(/[,，\s]/g, '').replace(/元$/, '');
  let shift = 0;
  const unit = plain.slice(-1);
  if (UNITS[unit]) {
    shift = UNITS[unit];
    plain = plain.slice(0, -1);
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) return null;
  let whole = match[1];
  let fraction = match[2] || '';
  if (shift) {
    fraction = fraction.padEnd(shift, '0');
    whole += fraction.slice(0, shift);
    fraction = fraction.slice(shift);
  }
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length > 2) return null;
  whole = whole.replace(/^0+(?=\d)/, '');
  return fraction ? whole + '.' + fraction : whole;
}

/** A date as typed: 2023-08-15, 2023-8-15, 2023/8/15, 2023.8.15, 20230815, 2023年8月15日 → "2023-08-15"; null if none. */
export function parseDate(text) {
  if (text == null) return null;
  const plain = String(text).trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(plain) || /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return year + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
}
