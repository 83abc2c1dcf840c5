import { test } from 'node:test';
import assert from 'node:assert/strict';
test('node harness runs TypeScript', () => {
  assert.equal([1, 2, 3].map((n) => n * 2).join(','), '2,4,6');
});
