import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiFileName, contentDisposition, contentHeaders } from '../../src/bff/http/content-headers.js';

describe('document content headers', () => {
  it('gives a safe ASCII filename and the exact name in filename*', () => {
    assert.equal(
      contentDisposition('attachment', 'a"b\\c;d\r\nSet-Cookie: x=1.pdf'),
      `attachment; filename="a_b_c_d__Set-Cookie_ x=1.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%0D%0ASet-Cookie%3A%20x%3D1.pdf`,
    );
    assert.equal(asciiFileName('Crème brûlée.docx'), 'Creme brulee.docx');
    assert.equal(asciiFileName('契約書.pdf'), '___.pdf');
    assert.equal(asciiFileName('../../etc/passwd'), '.._.._etc_passwd');
    assert.equal(asciiFileName('\u0000\u0001'), 'download');
    const header = contentDisposition('inline', 'x\r\n"y"');
    assert.ok(!/[\r\n]/.test(header));
    assert.equal(header.split('"').length - 1, 2, 'only the quotes around the ASCII filename');
  });

  it('serves only passive types inline, and only when not downloading', () => {
    assert.match(contentHeaders('a.pdf', 'application/pdf', false, [])['Content-Disposition'], /^inline;/);
    assert.match(contentHeaders('a.pdf', 'application/pdf', true, [])['Content-Disposition'], /^attachment;/);
    for (const type of [
      'text/html',
      'image/svg+xml',
      'application/xml',
      'text/xml',
      'application/xhtml+xml',
      'text/javascript',
      'application/x-unknown',
      'TEXT/HTML; charset=utf-8',
    ]) {
      const h = contentHeaders('x', type, false, []);
      assert.equal(h['Content-Type'], 'application/octet-stream', type);
      assert.match(h['Content-Disposition'], /^attachment;/, type);
      assert.match(h['Content-Security-Policy'], /^sandbox; default-src 'none'/, type);
    }
    const docx = contentHeaders(
      'x.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      false,
      [],
    );
    assert.match(docx['Content-Disposition'], /^attachment;/);
    assert.equal(
      docx['Content-Type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('lets the allowed host origins frame inline previews, nobody frame attachments', () => {
    const png = contentHeaders('a.png', 'image/png', false, ['https://crm.example.com']);
    assert.match(png['Content-Security-Policy'], /frame-ancestors 'self' https:\/\/crm\.example\.com$/);
    assert.match(png['Content-Security-Policy'], /^sandbox;/);
    const download = contentHeaders('a.png', 'image/png', true, ['https://crm.example.com']);
    assert.match(download['Content-Security-Policy'], /frame-ancestors 'none'$/);
  });
});
