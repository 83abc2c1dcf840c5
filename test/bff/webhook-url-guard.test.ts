import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  UnsafeUrlError,
  assertSafeWebhookUrl,
  checkUrlSyntax,
  isPublicAddress,
  resolvePublicAddresses,
} from '../../src/bff/events/url-guard.js';

const because = (reason: string) => (error: unknown) =>
  error instanceof UnsafeUrlError && error.reason === reason;
// DNS stays off the network in tests: names resolve through this table.
const table: Record<string, string[]> = {
  'erp.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'rebind.example.com': ['93.184.215.14', '10.0.0.5'],
  'internal.example.com': ['169.254.169.254'],
};
const resolve = async (host: string): Promise<string[]> => {
  const found = table[host];
  if (!found) throw new Error('ENOTFOUND');
  return found;
};

describe('webhook URL guard (SSRF)', () => {
  it('refuses loopback in every notation', () => {
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '017700000001',
      '0177.0.0.1',
      '0x7f.1',
      '0x7f000001',
      '127.1',
      '[::1]',
      '[::ffff:127.0.0.1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      'localhost',
      'localhost.',
      'LOCALHOST',
      'api.localhost',
    ]) {
      assert.throws(() => checkUrlSyntax(`https://${host}/hook`), because('host-not-public'), host);
    }
  });

  it('refuses private, shared, link-local, metadata, unspecified and multicast addresses', () => {
    for (const host of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '0',
      '224.0.0.1',
      '255.255.255.255',
      '[fc00::1]',
      '[fd12:3456::1]',
      '[fe80::1]',
      '[::]',
      '[ff02::1]',
      '[::ffff:10.0.0.1]',
      '[::ffff:169.254.169.254]',
      '[64:ff9b::a00:1]',
    ]) {
      assert.throws(() => checkUrlSyntax(`https://${host}/hook`), because('host-not-public'), host);
    }
  });

  it('accepts public addresses and host names over https only', () => {
    assert.equal(checkUrlSyntax('https://93.184.215.14/x').hostname, '93.184.215.14');
    assert.equal(checkUrlSyntax('https://172.32.0.1/x').hostname, '172.32.0.1');
    assert.equal(checkUrlSyntax('https://erp.example.com/hooks').hostname, 'erp.example.com');
    assert.throws(() => checkUrlSyntax('http://erp.example.com/hooks'), because('scheme-not-allowed'));
    assert.throws(() => checkUrlSyntax('ftp://erp.example.com/'), because('scheme-not-allowed'));
    assert.throws(() => checkUrlSyntax('file:///etc/passwd'), because('scheme-not-allowed'));
    assert.throws(() => checkUrlSyntax('https://user:pw@erp.example.com/'), because('credentials-in-url'));
    assert.throws(() => checkUrlSyntax('not a url'), because('invalid-url'));
    assert.equal(isPublicAddress('2606:2800:21f:cb07:6820:80da:af6b:8b2c'), true);
    assert.equal(isPublicAddress('nonsense'), false);
  });

  it('lets hosts allowed for development use http and loopback, and nothing else', () => {
    const options = { devAllowedHosts: ['127.0.0.1'] };
    assert.equal(checkUrlSyntax('http://127.0.0.1:4200/erp', options).port, '4200');
    assert.throws(() => checkUrlSyntax('http://[::1]:4200/erp', options), because('scheme-not-allowed'));
    assert.throws(() => checkUrlSyntax('https://10.0.0.1/erp', options), because('host-not-public'));
  });

  it('requires every DNS answer to be public, at registration and at send time', async () => {
    assert.equal(
      (await assertSafeWebhookUrl('https://erp.example.com/h', { resolve })).host,
      'erp.example.com',
    );
    await assert.rejects(
      assertSafeWebhookUrl('https://rebind.example.com/h', { resolve }),
      because('host-not-public'),
    );
    await assert.rejects(
      assertSafeWebhookUrl('https://internal.example.com/h', { resolve }),
      because('host-not-public'),
    );
    await assert.rejects(
      assertSafeWebhookUrl('https://missing.example.com/h', { resolve }),
      because('dns-failed'),
    );
    // A name that was public when registered and now points inside is refused when sending.
    table['flip.example.com'] = ['93.184.215.14'];
    await assertSafeWebhookUrl('https://flip.example.com/h', { resolve });
    table['flip.example.com'] = ['127.0.0.1'];
    await assert.rejects(resolvePublicAddresses('flip.example.com', { resolve }), because('host-not-public'));
  });
});
