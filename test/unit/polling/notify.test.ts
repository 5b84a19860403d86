import * as assert from 'node:assert/strict';
import type { TaskStatus } from '../../../src/model/task';
import { notificationMessage, shouldNotify } from '../../../src/polling/notify';
import { parseNotificationSetting } from '../../../src/settings/values';
import { entryWith, l10n } from '../../fixtures/webview';

const STATUSES: TaskStatus[] = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];

describe('notification decisions', () => {
  it('"ended" notifies exactly when a task reaches ended or failed from a live status', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        const expected = (to === 'ended' || to === 'failed') && from !== 'ended' && from !== 'failed';
        assert.equal(shouldNotify(from, to, 'ended'), expected, `${from} → ${to}`);
      }
    }
  });

  it('"all" notifies on every change, "off" on none, neither on no change', () => {
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        assert.equal(shouldNotify(from, to, 'all'), from !== to, `${from} → ${to}`);
        assert.equal(shouldNotify(from, to, 'off'), false);
      }
    }
  });

  it('reads the setting, defaulting to "ended"', () => {
    assert.equal(parseNotificationSetting('off'), 'off');
    assert.equal(parseNotificationSetting('all'), 'all');
    assert.equal(parseNotificationSetting('ended'), 'ended');
    assert.equal(parseNotificationSetting(undefined), 'ended');
    assert.equal(parseNotificationSetting('loud'), 'ended');
  });

  it('says which task, where, and what happened', () => {
    const failed = notificationMessage({ entry: entryWith('446192236330927912', 'failed', { product: 'gme' }), previous: 'running' }, l10n);
    assert.deepEqual(failed, { text: 'Task 44619223… (GME Recording) in Room room-42 failed.', severity: 'warning' });
    const ended = notificationMessage({ entry: entryWith('t', 'ended', { product: 'css', room: 'live\u202Eevil' }), previous: 'running' }, l10n);
    assert.deepEqual(ended, { text: 'Task t (CSS Live Recording) in Stream live\\u{202E}evil ended.', severity: 'info' });
    const resumed = notificationMessage({ entry: entryWith('t', 'running'), previous: 'paused' }, l10n);
    assert.equal(resumed.text, 'Task t (TRTC Cloud Recording) in Room room-42 is now running (was paused).');
  });
});
