// How the pages write figures, dates and bilingual labels. No DOM here, so node's test runner checks it
// (frontend/test/format.test.mjs).
//
// Amounts are decimals from the API (BigDecimal, scale 2). They are formatted from their decimal text,
// never through float arithmetic: a JSON number with at most 15 significant digits reads back to the
// same digits (String(n)), and the rounding below (half-up, as BigDecimal's HALF_UP) works on BigInt.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** {negative, unscaled: BigInt, scale} for "1234.5" (unscaled 12345, scale 1), or null for anything else. */
export function parseDecimal(value) {
  if (value == null) return null;
  const match = DECIMAL.exec(String(value).trim());
  if (!match) return null;
  const fraction = match[3] || '';
  return { negative: match[1] === '-', unscaled: BigInt(match[2] + fraction), scale: fraction.length };
}

/** The value times 10^shift, rounded half-up (away from zero at .5) to `scale` decimals, as plain text. */
export function decimalText(value, scale, shift = 0) {
  const d = parseDecimal(value);
  if (!d) return null;
  let unscaled = d.unscaled;
  let from = d.scale - shift; // the number of decimals `unscaled` now stands for
  if (from < scale) {
    unscaled *= 10n ** BigInt(scale - from);
  } else if (from > scale) {
    const divisor = 10n ** BigInt(from - scale);
    const remainder = unscaled % divisor;
    unscaled /= divisor;
    if (remainder * 2n >= divisor) unscaled += 1n;
  }
  const digits = unscaled.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? whole + '.' + digits.slice(digits.length - scale) : whole;
  return (d.negative && unscaled !== 0n ? '-' : '') + text;
}

function grouped(plain) {
  const negative = plain.startsWith('-');
  const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { sign: negative ? '-' : '', text: withCommas + (fraction === undefined ? '' : '.' + fraction) };
}

/** ¥1,234,567.89 (empty for null; the value as it came for what is no decimal). */
export function money(value) {
  if (value == null || value === '') return '';
  const plain = decimalText(value, 2);
  if (plain == null) return String(value);
  const g = grouped(plain);
  return g.sign + '¥' + g.text;
}

/** 1,234,567.89 without the currency sign, for columns whose heading says 元. */
export function amount(value) {
  if (value == null || value === '') return '';
  const plain = decimalText(value, 2);
  if (plain == null) return String(value);
  const g = grouped(plain);
  return g.sign + g.text;
}

/** In 万元 as officials write caps and totals: 5000000.00 → 500.00万元, 123456789 → 12,345.68万元. */
export function wan(value) {
  if (value == null || value === '') return '';
  const plain = decimalText(value, 2, -4);
  if (plain == null) return String(value);
  const g = grouped(plain);
  return g.sign + g.text + '万元';
}

/**
 * The amount as people say it (common.Money.inWords): 1.2亿元 from one hundred million, 10万元 from ten thousand,
 * else 800元; trailing zeros dropped, never rounded.
 */
export function words(value) {
  const d = parseDecimal(value);
  if (!d) return value == null ? '' : String(value);
  const abs = d.unscaled < 0n ? -d.unscaled : d.unscaled;
  const scaleOf = (shift) => 10n ** BigInt(d.scale + shift);
  let shift = 0;
  let unit = '元';
  if (abs >= 100000000n * scaleOf(0)) { shift = 8; unit = '亿元'; }
  else if (abs >= 10000n * scaleOf(0)) { shift = 4; unit = '万元'; }
  let plain = decimalText(value, d.scale + shift, -shift);
  if (plain.includes('.')) plain = plain.replace(/0+$/, '').replace(/\.$/, '');
  return plain + unit;
}

/**
 * The amount in 万元 or 亿元 as people say it: 120000000 → "1.2亿元", 12000 → "1.2万元", 50000000 → "5,000万元";
 * at most two decimals of 万元 and four of 亿元, "约" when that rounds (30000000.50 → "约3,000万元"); "" below
 * 1万元. prefix goes before a non-empty answer.
 */
export function inUnits(value, prefix = '') {
  const d = parseDecimal(value);
  if (!d || d.negative) return '';
  const yuan = decimalText(value, 0);
  if (yuan.length < 5) return '';
  const [shift, decimals, unit] = yuan.length >= 9 ? [8, 4, '亿元'] : [4, 2, '万元'];
  const trim = (t) => (t.includes('.') ? t.replace(/\.?0+$/, '') : t);
  const exact = trim(decimalText(value, shift + 2, -shift));
  const shown = trim(decimalText(value, decimals, -shift));
  return prefix + (shown === exact ? '' : '约') + grouped(shown).text + unit;
}

/** The exact sum of decimal amounts, as text with two decimals ("0.00" for none); what is no decimal is skipped. */
export function sumAmounts(values) {
  let fen = 0n;
  for (const v of values || []) {
    const plain = decimalText(v, 2);
    if (plain != null) fen += BigInt(plain.replace('.', ''));
  }
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, '0');
  return (negative ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2);
}

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['仟', '佰', '拾', ''];

function capitalFour(n) {
  let out = '';
  let started = false;
  let zero = false;
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  digits.forEach((d, i) => {
    if (d === 0) { zero = started; return; }
    if (zero) out += '零';
    zero = false;
    started = true;
    out += CAPITAL_DIGITS[d] + PLACES[i];
  });
  return out;
}

function capitalWhole(n) {
  const rest = (low, unit) => low === 0n ? '' : (low * 10n < unit ? '零' : '') + capitalWhole(low);
  if (n >= 100000000n) return capitalWhole(n / 100000000n) + '亿' + rest(n % 100000000n, 100000000n);
  if (n >= 10000n) return capitalFour(Number(n / 10000n)) + '万' + rest(n % 10000n, 10000n);
  return capitalFour(Number(n));
}

/**
 * 大写 as finance offices write amounts (the rules of common.ChineseCapitals, same table of examples in
 * test/capitals-examples.json): 150000 → 壹拾伍万元整, 3000.50 → 叁仟元零伍角, 0.05 → 伍分.
 */
export function capitals(value) {
  if (value == null || value === '') return '';
  const plain = decimalText(value, 2);
  if (plain == null) return '';
  const negative = plain.startsWith('-');
  const unscaled = BigInt((negative ? plain.slice(1) : plain).replace('.', ''));
  const whole = unscaled / 100n;
  const cents = Number(unscaled % 100n);
  const jiao = Math.floor(cents / 10);
  const fen = cents % 10;
  let out = negative ? '负' : '';
  if (whole > 0n) {
    out += capitalWhole(whole) + '元';
    if (cents === 0) return out + '整';
    if (whole % 10n === 0n || jiao === 0) out += '零';
  } else if (cents === 0) {
    return '零元整';
  }
  if (jiao > 0) out += CAPITAL_DIGITS[jiao] + '角';
  if (fen > 0) out += CAPITAL_DIGITS[fen] + '分';
  return out;
}

/** A ratio as a percentage with two decimals: 0.4567 → 45.67%. */
export function percent(value) {
  if (value == null || value === '') return '';
  const plain = decimalText(value, 2, 2);
  return plain == null ? String(value) : plain + '%';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

/** [year, month, day, hour, minute] in Beijing time, or null. A text without an offset is Beijing time already. */
function parts(value) {
  if (value == null || value === '') return null;
  const text = String(value).trim();
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) return local.slice(1, 6).map(Number);
  const day = DATE.exec(text);
  if (day) return [Number(day[1]), Number(day[2]), Number(day[3]), null, null];
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return null;
  const p = Object.fromEntries(SHANGHAI.formatToParts(instant).map(x => [x.type, x.value]));
  return [Number(p.year), Number(p.month), Number(p.day), Number(p.hour) % 24, Number(p.minute)];
}

const two = (n) => String(n).padStart(2, '0');

/** 2023年8月15日 (en: 2023-08-15) for a date or an instant (its day in Beijing). */
export function date(value, lang) {
  const p = parts(value);
  if (!p) return value == null ? '' : String(value);
  return lang === 'en' ? p[0] + '-' + two(p[1]) + '-' + two(p[2]) : p[0] + '年' + p[1] + '月' + p[2] + '日';
}

/** 2023年8月15日 14:05 in Beijing time (en: 2023-08-15 14:05); a bare date stays a date. */
export function dateTime(value, lang) {
  const p = parts(value);
  if (!p) return value == null ? '' : String(value);
  if (p[3] == null) return date(value, lang);
  return date(p[0] + '-' + two(p[1]) + '-' + two(p[2]), lang) + ' ' + two(p[3]) + ':' + two(p[4]);
}

/** 2023年8月 for "2023-08". */
export function month(value) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(value == null ? '' : value));
  return m ? m[1] + '年' + Number(m[2]) + '月' : (value == null ? '' : String(value));
}

/**
 * "中文 / English" of a label the API gives: a {zh, en} object, or the fields `${field}Zh` and `${field}En`
 * of `owner` (statusZh/statusEn); the code itself when the API gives no label.
 */
export function label(owner, field, lang) {
  if (owner == null) return '';
  const pair = field === undefined ? owner : { zh: owner[field + 'Zh'], en: owner[field + 'En'] };
  if (pair.zh == null && pair.en == null) return field === undefined || owner[field] == null ? '' : String(owner[field]);
  if (lang === 'en') return pair.en || pair.zh;
  if (lang === 'zh') return pair.zh || pair.en;
  return pair.zh && pair.en ? pair.zh + ' / ' + pair.en : pair.zh || pair.en;
}

/** What the n-th entry of a list in a request is called: 第1笔支付 / payment 1. */
const ENTRIES = {
  payments: { zh: '笔支付', en: 'Payment' },
  orders: { zh: '笔订单', en: 'Order' },
  lines: { zh: '行', en: 'Line' },
};

/**
 * Where in the request a problem is, for people: the entry of a list ("payments[0].paymentReference" → 第1笔支付 /
 * Payment 1); null for a plain field, whose message already names it. Never the field path itself.
 */
function entryOf(field) {
  const m = /^(?:.*\.)?([A-Za-z]+)\[(\d+)\][^[]*$/.exec(field || '');
  if (!m) return null;
  const n = Number(m[2]) + 1;
  const entry = ENTRIES[m[1]] || { zh: '项', en: 'Item' };
  return { zh: '第' + n + entry.zh, en: entry.en + ' ' + n };
}

/**
 * The problems of an API error body ({"errors":[{field, zh, en}]}, common.ApiErrors), one line each:
 * "第1笔订单：金额须大于0 / Order 1: The amount must be positive"; a plain field's message names the field itself.
 * `lang` 'zh' or 'en' keeps one language.
 */
export function problems(errors, lang) {
  return (errors || []).map(e => {
    const entry = entryOf(e.field);
    if (!entry) return label(e, undefined, lang);
    return label({ zh: e.zh == null ? null : entry.zh + '：' + e.zh, en: e.en == null ? null : entry.en + ': ' + e.en },
      undefined, lang);
  }).join('\n');
}

/** The problems of a failed request whose body is not the API's error JSON. */
export function requestFailed(status) {
  return status
    ? [{ field: null, zh: '请求失败（' + status + '）', en: 'Request failed (' + status + ')' }]
    : [{ field: null, zh: '无法连接服务器', en: 'Cannot reach the server' }];
}
