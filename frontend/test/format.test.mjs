// The pages' formatters (src/pages/format.js), with node's test runner: `npm test` in frontend/, and the
// Maven build's test phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amount, date, dateTime, decimalText, label, money, month, percent, problems, wan, words } from '../src/pages/format.js';

test('money: ¥, thousands separators, two decimals, from the decimal text', () => {
  assert.equal(money('1234567.89'), '¥1,234,567.89');
  assert.equal(money(1234567.89), '¥1,234,567.89');
  assert.equal(money('5000000.00'), '¥5,000,000.00');
  assert.equal(money(5000000), '¥5,000,000.00');
  assert.equal(money('0'), '¥0.00');
  assert.equal(money('999.5'), '¥999.50');
  assert.equal(money('-1234.5'), '-¥1,234.50');
  assert.equal(money(null), '');
  assert.equal(money(undefined), '');
  assert.equal(amount('100000000.00'), '100,000,000.00');
});

test('money: exact where a float is not', () => {
  // 0.1 + 0.2 style: the decimal text is never summed or scaled as a double
  assert.equal(money('90071992547409.93'), '¥90,071,992,547,409.93');
  assert.equal(money('1.005'), '¥1.01', 'half-up on the text, where (1.005).toFixed(2) is 1.00');
  assert.equal(money('2.675'), '¥2.68', 'where (2.675).toFixed(2) is 2.67');
  assert.equal(money('-0.004'), '¥0.00', 'no negative zero');
  assert.equal(money('-0.005'), '-¥0.01', 'half-up is away from zero, as BigDecimal HALF_UP');
  assert.equal(money('0.994'), '¥0.99');
  assert.equal(money('0.995'), '¥1.00');
});

test('money: what is no decimal comes back as it was, not as a wrong figure', () => {
  assert.equal(money('abc'), 'abc');
  assert.equal(money(1e21), '1e+21');
  assert.equal(money('1,000'), '1,000');
});

test('wan: 万元 with two decimals', () => {
  assert.equal(wan('5000000.00'), '500.00万元');
  assert.equal(wan(100000000), '10,000.00万元');
  assert.equal(wan('55000'), '5.50万元');
  assert.equal(wan('1234567.89'), '123.46万元');
  assert.equal(wan('49.99'), '0.00万元');
  assert.equal(wan('50'), '0.01万元');
  assert.equal(wan(null), '');
});

test('percent: a ratio with two decimals', () => {
  assert.equal(percent('0.4567'), '45.67%');
  assert.equal(percent(1), '100.00%');
  assert.equal(percent('0.123456'), '12.35%');
  assert.equal(percent(0.07), '7.00%');
  assert.equal(percent(null), '');
});

test('decimalText: scale and shift', () => {
  assert.equal(decimalText('12.345', 2), '12.35');
  assert.equal(decimalText('12', 0, -1), '1');
  assert.equal(decimalText('15', 0, -1), '2');
  assert.equal(decimalText('x', 2), null);
});

test('date: 2023年8月15日, from a date or from an instant in Beijing time', () => {
  assert.equal(date('2023-08-15'), '2023年8月15日');
  assert.equal(date('2023-12-31'), '2023年12月31日');
  assert.equal(date('2023-08-14T16:30:00Z'), '2023年8月15日', '16:30 UTC is past midnight in Beijing');
  assert.equal(date('2023-08-15', 'en'), '2023-08-15');
  assert.equal(date(null), '');
  assert.equal(date('not a date'), 'not a date');
});

test('dateTime: 2023年8月15日 14:05, Asia/Shanghai', () => {
  assert.equal(dateTime('2023-08-15T06:05:00Z'), '2023年8月15日 14:05');
  assert.equal(dateTime('2023-08-15T06:05:09.123456Z'), '2023年8月15日 14:05');
  assert.equal(dateTime('2023-08-15T14:05:00+08:00'), '2023年8月15日 14:05');
  assert.equal(dateTime('2023-08-15T16:00:00Z'), '2023年8月16日 00:00');
  assert.equal(dateTime('2023-08-15T14:05:30'), '2023年8月15日 14:05', 'a text without offset is Beijing time');
  assert.equal(dateTime('2023-08-15T06:05:00Z', 'en'), '2023-08-15 14:05');
  assert.equal(dateTime('2023-08-15'), '2023年8月15日');
  assert.equal(dateTime(''), '');
});

test('month: 2023年8月', () => {
  assert.equal(month('2023-08'), '2023年8月');
  assert.equal(month('2023-12'), '2023年12月');
});

test('label: the API label fields, both languages or one', () => {
  const settlement = { status: 'NOTICE', statusZh: '公示中', statusEn: 'Public notice' };
  assert.equal(label(settlement, 'status'), '公示中 / Public notice');
  assert.equal(label(settlement, 'status', 'zh'), '公示中');
  assert.equal(label(settlement, 'status', 'en'), 'Public notice');
  assert.equal(label({ zh: '强化项目服务', en: 'Strengthen project services' }), '强化项目服务 / Strengthen project services');
  assert.equal(label({ rule: 'PRO_RATA' }, 'rule'), 'PRO_RATA', 'the code where the API gives no label');
  assert.equal(label({}, 'rule'), '');
  assert.equal(label(null, 'status'), '');
});

test('problems: the bilingual error body of common.ApiErrors, one line each, never a field path', () => {
  const errors = [{ field: 'orders[0].orderAmount', zh: '金额须大于0', en: 'The amount must be positive' },
    { field: null, zh: '无权操作', en: 'Not allowed' }];
  assert.equal(problems(errors), '第1笔订单：金额须大于0 / Order 1: The amount must be positive\n无权操作 / Not allowed');
  assert.equal(problems(errors, 'en'), 'Order 1: The amount must be positive\nNot allowed');
  assert.equal(problems([{ field: 'payments[2].paymentReference', zh: '支付凭证号不能为空', en: 'Payment reference is required' }]),
    '第3笔支付：支付凭证号不能为空 / Payment 3: Payment reference is required');
  assert.equal(problems([{ field: 'uscc', zh: '统一社会信用代码不能为空', en: 'The USCC is required' }]),
    '统一社会信用代码不能为空 / The USCC is required', 'a plain field: its message names it');
  assert.equal(problems(undefined), '');
});

test('words: 亿元 / 万元 / 元 as people say amounts, trailing zeros dropped, never rounded', () => {
  assert.equal(words('120000000.00'), '1.2亿元');
  assert.equal(words('100000.00'), '10万元');
  assert.equal(words(50000), '5万元');
  assert.equal(words('123456789.12'), '1.2345678912亿元');
  assert.equal(words('800.50'), '800.5元');
  assert.equal(words('0.00'), '0元');
  assert.equal(words(null), '');
});
