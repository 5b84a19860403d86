import { strict as assert } from 'node:assert';
import { buildContextValue } from '../../../src/tree/contextValue';

describe('contextValue builder', () => {
  it('is a sorted ;-joined set of what a node is and allows', () => {
    assert.equal(buildContextValue({ kind: 'task', status: 'running', hasFiles: true }), 'forgettable;hasFiles;refreshable;running;task');
    assert.equal(buildContextValue({ kind: 'task', status: 'ended', pinned: true }), 'ended;forgettable;pinned;refreshable;task');
  });

  it('offers Add Room on GME and Track Task on TRTC products and room labels', () => {
    assert.equal(buildContextValue({ kind: 'product', product: 'gme' }), 'canAddRoom;product;refreshable');
    assert.equal(buildContextValue({ kind: 'product', product: 'trtc-relay' }), 'canTrackTask;product;refreshable');
    assert.equal(buildContextValue({ kind: 'product', product: 'css' }), 'product;refreshable');
    assert.equal(buildContextValue({ kind: 'room', product: 'gme', pinnedRoom: true }), 'forgettable;refreshable;room');
  });

  it('marks error rows for Retry, and auth failures for re-entering credentials', () => {
    assert.equal(buildContextValue({ kind: 'error' }), 'error;retry');
    assert.equal(buildContextValue({ kind: 'error', authError: true }), 'auth;error;retry');
    assert.equal(buildContextValue({ kind: 'placeholder' }), 'placeholder');
  });
});
