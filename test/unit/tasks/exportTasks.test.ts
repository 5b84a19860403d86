import { strict as assert } from 'node:assert';
import type { Account } from '../../../src/model/account';
import { CSV_COLUMNS, csvCell, exportTasks } from '../../../src/tasks/exportTasks';
import { T0, entry } from '../../fixtures/tasks';

const accounts: Account[] = [{ id: 'a1', label: 'Prod, "main"', vendor: 'tencent', site: 'intl', region: 'ap-singapore', gmeBizId: 3400352518 }];
const entries = [entry(), entry({ product: 'css', taskId: 'css-1', room: 'line1\nline2', rawStatus: '=HYPERLINK("x")' })];

describe('export', () => {
  it('writes JSON with u64 ids exact and the account label, and nothing secret', () => {
    const text = exportTasks(entries, accounts, 'json', T0);
    assert.match(text, /"taskId": "446192236330927912"/);
    const doc = JSON.parse(text);
    assert.equal(doc.tasks.length, 2);
    assert.equal(doc.tasks[0].account.label, 'Prod, "main"');
    assert.equal(doc.exportedAt, new Date(T0).toISOString());
    assert.doesNotMatch(text, /secret/i);
  });

  it('writes CSV with a header, RFC 4180 quoting and formula cells neutralised', () => {
    const text = exportTasks(entries, accounts, 'csv', T0);
    const lines = text.split('\r\n');
    assert.equal(lines[0], CSV_COLUMNS.join(','));
    assert.ok(text.includes('"Prod, ""main"""'));
    assert.ok(text.includes('"line1\nline2"'));
    assert.ok(text.includes(`"'=HYPERLINK(""x"")"`));
    assert.ok(text.includes(',446192236330927912,'));
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('+1'), "'+1");
  });
});
