import * as assert from 'node:assert/strict';
import { accountSummary, countLabel, nounCount, productLabel, statusLabel, vendorLabel } from '../../../src/display/labels';
import { plainLocalizer as l10n } from '../../../src/display/localize';
import { PRODUCTS, type TaskStatus } from '../../../src/model/task';

describe('display: labels', () => {
  it('names every product once, each differently', () => {
    const names = PRODUCTS.map((p) => productLabel(p, l10n));
    assert.equal(new Set(names).size, PRODUCTS.length);
    assert.equal(productLabel('trtc-recording', l10n), 'TRTC Cloud Recording');
    assert.equal(productLabel('gme', l10n), 'GME Recording');
  });

  it('names vendors and statuses through the localizer', () => {
    const shout = { t: (m: string) => m.toUpperCase() };
    assert.equal(vendorLabel('tencent', shout), 'TENCENT CLOUD');
    assert.equal(productLabel('css', shout), 'CSS LIVE RECORDING');
    const statuses: TaskStatus[] = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];
    assert.deepEqual(
      statuses.map((s) => statusLabel(s, l10n)),
      statuses,
    );
  });

  it('counts rows and summarises an account', () => {
    assert.equal(countLabel(100, true), '(100+)');
    assert.equal(countLabel(42, false), '(42)');
    assert.deepEqual([nounCount(1, 'task', l10n), nounCount(2, 'task', l10n), nounCount(0, 'task', l10n)], ['1 task', '2 tasks', '0 tasks']);
    assert.deepEqual([nounCount(1, 'room', l10n), nounCount(12, 'room', l10n)], ['1 room', '12 rooms']);
    const zego = { id: 'z', label: 'Z', vendor: 'zego', appId: 1234567 } as const;
    assert.equal(accountSummary(zego as never, l10n), 'ZEGO · 1234567');
  });
});
