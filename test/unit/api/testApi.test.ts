// The test-mode handle is built from bound methods only: no field of the pieces behind it is reachable.
import { strict as assert } from 'node:assert';
import { methodsOf } from '../../../src/api/testApi';

class Holder {
  readonly onDidChange = (): string => 'event';
  private readonly store = { secret: 'S3cr3t' };
  constructor(private readonly value: number) {}
  read(): number {
    return this.value;
  }
  peek(): boolean {
    return this.store.secret.length > 0;
  }
}

class Child extends Holder {
  twice(): number {
    return this.read() * 2;
  }
}

describe('test API: methodsOf', () => {
  it('keeps own and inherited methods, bound to the object', () => {
    const m = methodsOf(new Child(21));
    const { twice, read, peek, onDidChange } = m;
    assert.equal(twice(), 42);
    assert.equal(read(), 21);
    assert.equal(peek(), true);
    assert.equal(onDidChange(), 'event');
  });

  it('leaves every field out, so nothing behind the methods is reachable', () => {
    const m = methodsOf(new Child(21)) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(m).sort(), ['onDidChange', 'peek', 'read', 'twice']);
    assert.ok(Object.values(m).every((v) => typeof v === 'function'));
    assert.ok(!JSON.stringify(Object.entries(m).map(([k, v]) => [k, Object.keys(v as object)])).includes('S3cr3t'));
  });
});
