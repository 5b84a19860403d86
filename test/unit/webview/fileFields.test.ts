// The storage-file panel: a file's state, size, length and VOD id in words; its URL masked on the
// page, whole only behind the copy button and the explicit Open URL action.
import { strict as assert } from 'node:assert';
import { storageFileDocument } from '../../../src/webview/document';
import type { DetailsDocument } from '../../../src/webview/protocol';
import { NOW, l10n, makeEntry, makeTask, time } from '../../fixtures/webview';

const SIGNED = 'https://zego-demo-records.s3.ap-southeast-1.amazonaws.com/1/T_s_VA_1.mp4?X-Amz-Expires=86400&X-Amz-Signature=0123abcd';

function fieldsOf(doc: DetailsDocument): Map<string, { value: string; raw?: string; copyId?: string }> {
  const out = new Map<string, { value: string; raw?: string; copyId?: string }>();
  for (const section of doc.sections) if (section.kind === 'fields') for (const f of section.fields) out.set(f.label, f);
  return out;
}

function docFor(url: string) {
  const task = makeTask({
    product: 'zego-recording',
    vendor: 'zego',
    files: [
      {
        userId: 'user_1',
        fileName: 'T_s_VA_1.mp4',
        trackType: 'audio_video',
        beginTimeMs: NOW - 600_000,
        endTimeMs: NOW - 300_000,
        durationMs: 300_000,
        sizeBytes: 45_000_000,
        state: 'backup',
        rawState: '4',
        expiresAtMs: NOW + 3 * 86_400_000,
        url,
        vodFileId: '5285485487985271487',
        format: 'mp4',
        reportedBy: 'DescribeRecordStatus',
      },
    ],
  });
  return storageFileDocument(task, 'T_s_VA_1.mp4', makeEntry(task), { time, l10n, accountName: () => 'Account' });
}

describe('storage-file panel', () => {
  it('says where the file is, how big and how long, in words with the raw values beside', () => {
    const fields = fieldsOf(docFor(SIGNED).document);
    assert.deepEqual(fields.get('State'), { label: 'State', value: 'On the vendor’s backup storage', raw: '4' });
    assert.match(fields.get('Backup copy kept until')!.value, /May 4, 2024/);
    assert.equal(fields.get('Size')!.value, '45 MB');
    assert.equal(fields.get('Size')!.raw, '45000000 bytes');
    assert.equal(fields.get('Duration')!.value, '5m 0s');
    assert.equal(fields.get('VOD FileId')!.value, '5285485487985271487');
    assert.equal(fields.get('Reported by')!.value, 'DescribeRecordStatus');
  });

  it('shows the URL without its signed query, copies it whole, and offers Open URL', () => {
    const built = docFor(SIGNED);
    const url = fieldsOf(built.document).get('URL (query hidden: it may hold a signature)')!;
    assert.equal(url.value, 'https://zego-demo-records.s3.ap-southeast-1.amazonaws.com/1/T_s_VA_1.mp4?…');
    assert.equal(built.copyValues.get(url.copyId!), SIGNED);
    assert.ok(!JSON.stringify(built.document).includes('X-Amz-Signature'), 'the signature never reaches the page');
    assert.ok(built.document.actions.some((a) => a.id === 'openUrl'));
  });

  it('offers no Open URL for a URL that is not a web address', () => {
    const built = docFor('javascript:alert(1)');
    assert.ok(!built.document.actions.some((a) => a.id === 'openUrl'));
  });
});
