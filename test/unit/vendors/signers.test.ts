import { strict as assert } from 'node:assert';
import { canonicalRequest, parseAuthorization, sha256Hex, signingKey, tc3Sign, utcDate } from '../../../src/vendors/tencent/sign';
import { zegoCommonParams, zegoNonce, zegoSignature } from '../../../src/vendors/zego/sign';

// Official worked examples, from the vendors' public documentation: Tencent Cloud's "Signature v3" page
// (https://www.tencentcloud.com/document/product/1026/31038, the POST and GET examples; Chinese
// https://cloud.tencent.com/document/api/213/30654) and ZEGO's "Accessing Server APIs" signature sample
// (https://www.zegocloud.com/article/9781).
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

describe('TC3-HMAC-SHA256 signer', () => {
  it('reproduces the official POST example to the byte', () => {
    const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
    assert.equal(sha256Hex(payload), '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const signed = tc3Sign({
      method: 'POST',
      canonicalQuery: '',
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Host', 'cvm.tencentcloudapi.com'],
      ],
      payload,
      service: 'cvm',
      timestampSec: 1551113065,
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
    });
    assert.equal(
      signed.canonicalRequest,
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    assert.equal(
      signed.stringToSign,
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    assert.equal(signed.signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    assert.equal(
      signed.authorization,
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('derives the documented intermediate keys', () => {
    assert.equal(signingKey(SECRET_KEY, '2019-02-25', 'cvm').toString('hex'), 'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1');
  });

  it('reproduces the official GET example', () => {
    const signed = tc3Sign({
      method: 'GET',
      canonicalQuery: 'Limit=10&Offset=0',
      headers: [
        ['content-type', 'application/x-www-form-urlencoded'],
        ['host', 'cvm.tencentcloudapi.com'],
      ],
      payload: '',
      service: 'cvm',
      timestampSec: 1539084154,
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
    });
    assert.equal(signed.signature, '5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474');
  });

  it('uses the UTC date, not the local one, around midnight UTC+8', () => {
    // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
    assert.equal(utcDate(1551113065), '2019-02-25');
  });

  it('formats the right date on both sides of midnight UTC, in any order', () => {
    assert.equal(utcDate(86399), '1970-01-01');
    assert.equal(utcDate(86400), '1970-01-02');
    assert.equal(utcDate(86399), '1970-01-01');
    assert.equal(utcDate(1551139199), '2019-02-25');
    assert.equal(utcDate(1551139200), '2019-02-26');
  });

  it('sorts and lower-cases signed headers, including x-tc-action', () => {
    const c = canonicalRequest({
      method: 'post',
      canonicalQuery: '',
      headers: [
        ['X-TC-Action', 'DescribeInstances'],
        ['Host', 'cvm.tencentcloudapi.com'],
        ['Content-Type', 'application/json'],
      ],
      payload: '{}',
    });
    assert.equal(c.signedHeaders, 'content-type;host;x-tc-action');
    assert.match(c.text, /\nx-tc-action:describeinstances\n/);
  });

  it('parses an Authorization header and rejects malformed ones', () => {
    const parsed = parseAuthorization(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
    assert.deepEqual(parsed, {
      secretId: SECRET_ID,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
    assert.equal(parseAuthorization('Basic abc'), undefined);
    assert.equal(parseAuthorization('TC3-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=zz'), undefined);
  });
});

describe('ZEGO signer', () => {
  it("reproduces ZEGO's published example", () => {
    assert.equal(zegoSignature(12345, '4fd24687296dd9f3', '9193cc662a4c0ec135ec71fb57194b38', 1615186943), '43e5cfcca828314675f91b001390566a');
  });

  it('makes 16-hex nonces that differ between calls', () => {
    const a = zegoNonce();
    const b = zegoNonce();
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.notEqual(a, b);
  });

  it('builds the common query parameters with version 2.0', () => {
    const p = zegoCommonParams('DescribeTasks', 12345, '9193cc662a4c0ec135ec71fb57194b38', 1615186943, '4fd24687296dd9f3');
    assert.deepEqual(p, {
      Action: 'DescribeTasks',
      AppId: '12345',
      SignatureNonce: '4fd24687296dd9f3',
      Timestamp: '1615186943',
      Signature: '43e5cfcca828314675f91b001390566a',
      SignatureVersion: '2.0',
    });
  });
});
