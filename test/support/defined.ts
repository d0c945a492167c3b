// Guards for what a test knows is there (a finding it just counted, a line of the text it rendered):
// under noUncheckedIndexedAccess an index may be missing; these fail the test with a clear message
// instead of a TypeError further down.

import assert from 'node:assert/strict';

/** `value`, failing the test when it is undefined. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) assert.fail(`${what}: missing`);
  return value;
}

/** `items[index]`, failing the test when there is no such item. */
export function nth<T>(items: readonly T[], index: number, what = 'item'): T {
  const item = items[index];
  if (item === undefined) assert.fail(`${what} ${index}: missing (${items.length} in all)`);
  return item;
}

/** The first of `items`, failing the test when there is none. */
export function firstOf<T>(items: readonly T[], what = 'item'): T {
  return nth(items, 0, what);
}

/** Row `id` of a fixture's table (table2, table3 of ReportData), failing the test when it has none. */
export function rowOf(table: Readonly<Record<string, number[]>>, id: string): number[] {
  return defined(table[id], `row ${id}`);
}

/** The number in column `column` of row `id` of a fixture's table, failing the test when there is none. */
export function numberAt(table: Readonly<Record<string, number[]>>, id: string, column: number): number {
  return nth(rowOf(table, id), column, `${id} column`);
}

/** `row` minus `values`, column by column (a fixture taking numbers out of a row); the two must be as long. */
export function minus(row: readonly number[], values: readonly number[]): number[] {
  assert.equal(row.length, values.length, 'rows of different lengths');
  return row.map((v, i) => v - nth(values, i));
}
