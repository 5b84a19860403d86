import { strict as assert } from 'node:assert';
import { Redactor } from '../../../src/log/redact';
import { createRedactingLogger } from '../../../src/log/redactingLogger';
import type { Logger } from '../../../src/model/logger';
import { MediaApiError } from '../../../src/model/errors';
import { createRedactor } from '../../../src/vendors/shared/redact';

function sink(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string | Error, ...rest: unknown[]) => lines.push([m, ...rest].join(' '));
  return { lines, trace: push, debug: push, info: push, warn: push, error: push };
}

describe('log redaction', () => {
  it('masks registered secrets wherever they appear, in the message and in arguments', () => {
    const redactor = new Redactor(createRedactor);
    redactor.register('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    const out = sink();
    const logger = createRedactingLogger(out, redactor);
    logger.info('key Gu5t9xGARNpq86cd98joQYCN3EXAMPLE used', { body: 'x Gu5t9xGARNpq86cd98joQYCN3EXAMPLE y' });
    assert.equal(out.lines.length, 1);
    assert.doesNotMatch(out.lines[0], /Gu5t9x/);
    assert.match(out.lines[0], /key \*\*\* used/);
  });

  it('masks TC3 Authorization headers and signatures it was never told about', () => {
    const out = sink();
    createRedactingLogger(out, new Redactor(createRedactor)).warn(
      'request: Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      '?Signature=43e5cfcca828314675f91b001390566a&AppId=1',
    );
    assert.doesNotMatch(out.lines[0], /AKIDz8|72e494ea|43e5cfcc/);
  });

  it('ignores secrets too short to mask safely, and formats errors by their summary', () => {
    const redactor = new Redactor(createRedactor);
    redactor.register('abc');
    const out = sink();
    const error = new MediaApiError({
      vendor: 'tencent',
      action: 'DescribeTaskInfo',
      kind: 'auth',
      code: 'AuthFailure.SignatureFailure',
      message: 'bad',
      requestId: 'r-1',
      retryable: false,
    });
    createRedactingLogger(out, redactor).error('abc failed', error);
    assert.equal(out.lines[0], 'abc failed DescribeTaskInfo: AuthFailure.SignatureFailure (RequestId r-1) auth: bad');
  });
});
