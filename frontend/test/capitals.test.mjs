// 大写 amounts (format.js capitals) against the table common.ChineseCapitalsTest reads too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { capitals, sumAmounts } from '../src/pages/format.js';

const examples = JSON.parse(readFileSync(new URL('./capitals-examples.json', import.meta.url), 'utf8'));

test('capitals: every example of the shared table', () => {
  assert.ok(examples.length > 15);
  for (const [value, expected] of examples) assert.equal(capitals(value), expected, value);
});

test('capitals: the brief\'s examples, numbers as the API sends them, nothing for nothing', () => {
  assert.equal(capitals('0.00'), '零元整');
  assert.equal(capitals('0.05'), '伍分');
  assert.equal(capitals(10), '壹拾元整');
  assert.equal(capitals(100000), '壹拾万元整');
  assert.equal(capitals(1000010.5), '壹佰万零壹拾元零伍角');
  assert.equal(capitals('120000000.00'), '壹亿贰仟万元整');
  assert.equal(capitals(100000000), '壹亿元整');
  assert.equal(capitals(null), '');
  assert.equal(capitals('abc'), '');
});

test('sumAmounts: exact to the fen, as the confirmation adds the selected payments', () => {
  assert.equal(sumAmounts(['50000.00', '50000.00', '50000.00']), '150000.00');
  assert.equal(sumAmounts(['0.10', '0.20']), '0.30');
  assert.equal(sumAmounts([]), '0.00');
  assert.equal(sumAmounts(['0.05', 'x']), '0.05');
});
