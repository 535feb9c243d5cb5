import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zhMessage, parseAmount, parseDate } from '../src/pages/form-values.js';
import { inUnits } from '../src/pages/format.js';

test('form-js validation messages become Chinese', () => {
  assert.equal(zhMessage('Field is required.'), '请填写此项');
  assert.equal(zhMessage('Field must match pattern ^[0-9]+$.'), '格式不正确，请按说明填写');
  assert.equal(zhMessage('Field must have maximum length of 200.'), '最多填写 200 个字');
  assert.equal(zhMessage('Field must have minimum value of 0.01.'), '不能小于 0.01');
  assert.equal(zhMessage('Value is not a number.'), '请输入数字，例如 12,000,000.00');
  assert.equal(zhMessage('Value is expected to have at most 2 decimal digits.'), '最多保留 2 位小数');
  assert.equal(zhMessage('Something new in English.'), '填写有误，请检查此项');
});

test('amounts are typed with separators and units', () => {
  assert.equal(parseAmount('12,000'), '12000');
  assert.equal(parseAmount('12，000.50'), '12000.5');
  assert.equal(parseAmount('¥ 1 200 000.00'), '1200000');
  assert.equal(parseAmount('1.2亿'), '120000000');
  assert.equal(parseAmount('500万元'), '5000000');
  assert.equal(parseAmount('0.05'), '0.05');
  assert.equal(parseAmount('12.345'), null);
  assert.equal(parseAmount('一千万'), null);
  assert.equal(parseAmount('1.2.3'), null);
  assert.equal(parseAmount(''), null);
});

test('amounts are echoed in 万元 and 亿元', () => {
  assert.equal(inUnits('120000000'), '1.2亿元');
  assert.equal(inUnits('12000'), '1.2万元');
  assert.equal(inUnits('50000000.00'), '5,000万元');
  assert.equal(inUnits('123456789.12', ' = '), ' = 约1.2346亿元');
  assert.equal(inUnits('30000000.50'), '约3,000万元');
  assert.equal(inUnits('100000'), '10万元');
  assert.equal(inUnits('9999'), '');
});

test('dates are written as 2023-08-15', () => {
  assert.equal(parseDate('2023-08-15'), '2023-08-15');
  assert.equal(parseDate('2023/8/5'), '2023-08-05');
  assert.equal(parseDate('20230815'), '2023-08-15');
  assert.equal(parseDate('2023年8月15日'), '2023-08-15');
  assert.equal(parseDate('08/15/2023'), null);
  assert.equal(parseDate('2023-02-30'), null);
});
