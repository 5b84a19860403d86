import * as assert from 'node:assert/strict';
import { errorHint } from '../../../src/display/hints';
import { plainLocalizer as l10n } from '../../../src/display/localize';
import type { ApiErrorKind } from '../../../src/model/errors';
import { tencentApiError } from '../../../src/vendors/tencent/errors';
import { zegoApiError } from '../../../src/vendors/zego/errors';

const KINDS: ApiErrorKind[] = [
  'auth',
  'permission',
  'clockSkew',
  'rateLimit',
  'timeout',
  'network',
  'cancelled',
  'malformed',
  'server',
  'invalidInput',
  'notFound',
  'taskEnded',
  'serviceNotActivated',
  'vendor',
];

describe('display: error hints', () => {
  it('words the vendor layer’s classification per vendor: the same code family reads differently', () => {
    const tencent = tencentApiError('DescribeTaskInfo', 'AuthFailure.SignatureFailure', 'bad', 'r', 200);
    const zego = zegoApiError('DescribeTasks', 100000005, 'bad', 'r', 200);
    assert.match(errorHint(tencent, l10n), /SecretId and SecretKey/);
    assert.match(errorHint(zego, l10n), /AppId and ServerSecret/);
  });

  it('prefers the hint for our own codes, then the kind’s', () => {
    assert.equal(errorHint({ vendor: 'tencent', kind: 'auth', code: 'MissingCredentials' }, l10n), 'Re-enter the credentials.');
    assert.equal(errorHint({ vendor: 'zego', kind: 'rateLimit', code: '300000003' }, l10n), 'Too many requests; the extension slows down and tries again.');
  });

  it('has a hint for every kind and vendor, and every one goes through the localizer', () => {
    const shout = { t: (m: string) => `«${m}»` };
    for (const vendor of ['tencent', 'zego'] as const) {
      for (const kind of KINDS) {
        const hint = errorHint({ vendor, kind, code: 'X' }, shout);
        assert.match(hint, /^«.+»$/, `${vendor} ${kind}`);
      }
    }
  });
});
