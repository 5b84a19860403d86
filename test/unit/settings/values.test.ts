import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SettingKeys, type SettingKey } from '../../../src/ids/settingKeys';
import { readSettings } from '../../../src/settings/values';

const root = path.resolve(__dirname, '..', '..', '..');
const declared = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).contributes.configuration.properties as Record<
  string,
  { default: unknown }
>;

describe('settings: typed values', () => {
  it('reads package.json’s defaults when nothing is set, and they agree with the declared ones', () => {
    const settings = readSettings(() => undefined);
    const fromManifest = readSettings((key) => declared[key]?.default);
    assert.deepEqual(settings, fromManifest);
    assert.equal(settings.refreshIntervalSeconds, 10);
    assert.equal(settings.notifications, 'ended');
    assert.deepEqual(settings.endpoints, { tencent: undefined, zego: undefined });
    assert.equal(settings.tencentSignedHost, 'endpoint', 'the override signs for its own host unless told otherwise');
  });

  it('turns a wrong type or an out-of-range number into a working value', () => {
    const values: Partial<Record<SettingKey, unknown>> = {
      [SettingKeys.refreshIntervalSeconds]: 0.5,
      [SettingKeys.defaultTimeRangeHours]: 'many',
      [SettingKeys.requestTimeoutSeconds]: 99_999,
      [SettingKeys.notifications]: 'loud',
      [SettingKeys.statusBarAlwaysShow]: 'yes',
      [SettingKeys.endpointZego]: '  http://127.0.0.1:9  ',
      [SettingKeys.httpProxy]: '   ',
      [SettingKeys.endpointTencentSignedHost]: 'Vendor',
    };
    const settings = readSettings((key) => values[key]);
    assert.equal(settings.refreshIntervalSeconds, 2, 'never faster than the rate limits allow');
    assert.equal(settings.defaultTimeRangeHours, 24);
    assert.equal(settings.requestTimeoutSeconds, 300);
    assert.equal(settings.notifications, 'ended');
    assert.equal(settings.statusBarAlwaysShow, false);
    assert.equal(settings.endpoints.zego, 'http://127.0.0.1:9');
    assert.equal(settings.httpProxy, undefined);
    assert.equal(settings.tencentSignedHost, 'endpoint', 'only the exact "vendor" signs for the vendor host');
    assert.equal(readSettings((key) => (key === SettingKeys.endpointTencentSignedHost ? 'vendor' : undefined)).tencentSignedHost, 'vendor');
  });

  it('names only settings package.json declares (besides VS Code’s http.proxy)', () => {
    const ours = Object.values(SettingKeys).filter((key) => key !== SettingKeys.httpProxy);
    assert.deepEqual(
      ours.filter((key) => !(key in declared)),
      [],
    );
    assert.deepEqual(
      Object.keys(declared).filter((key) => !(ours as string[]).includes(key)),
      [],
      'a declared setting nobody reads',
    );
  });
});
