// The multipart request the BFF sends to xECM's `POST /v2/nodes` (notes 2.3 Upload): the metadata as a
// plain `body` form field, as Content Server's clients send it, then the file. The field carries no
// charset, so its JSON is ASCII: non-ASCII names travel as \u escapes and read the same under any charset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeUploadBody } from '../../src/bff/services/multipart-file.js';

async function wire(
  fields: Record<string, unknown>,
  fileName: string,
): Promise<{ type: string; text: string }> {
  const { contentType, body } = nodeUploadBody(fields, {
    fileName,
    mimeType: 'application/pdf',
    data: new Blob(['%PDF-1.7 bytes']).stream(),
    failure: () => undefined,
  });
  return { type: contentType, text: await new Response(body).text() };
}

describe('BFF upload: the multipart request to xECM', () => {
  it('sends the metadata as an untyped ASCII body field, then the file with its type', async () => {
    const name = 'Vertrag Müller – 契約 📄.pdf';
    const { type, text } = await wire({ type: 144, parent_id: 10101, name }, name);
    const boundary = /boundary=(.+)$/.exec(type)?.[1];
    assert.ok(boundary, type);
    const parts = text.split(`--${boundary}`).slice(1, -1);
    assert.equal(parts.length, 2);
    const [bodyHead, bodyValue] = parts[0]!.split('\r\n\r\n');
    assert.equal(bodyHead, '\r\nContent-Disposition: form-data; name="body"');
    assert.match(bodyValue!, /^[\x20-\x7e]+\r\n$/, 'the body field is printable ASCII');
    assert.deepEqual(JSON.parse(bodyValue!), { type: 144, parent_id: 10101, name });
    assert.match(
      parts[1]!,
      /name="file"; filename="Vertrag Müller – 契約 📄\.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1\.7 bytes\r\n$/,
    );
  });
});
