import { strict as assert } from 'node:assert';
import { checkApiBaseUrl, DEFAULT_API_BASE_URL } from '../../src/state/apiBaseUrl';

describe('where the token may go (realtimekit.apiBaseUrl)', () => {
  it('accepts the Cloudflare API, an empty value meaning it, and other https roots', () => {
    assert.deepEqual(checkApiBaseUrl(''), { url: DEFAULT_API_BASE_URL, host: 'api.cloudflare.com', isDefault: true });
    assert.deepEqual(checkApiBaseUrl(`${DEFAULT_API_BASE_URL}/`), {
      url: DEFAULT_API_BASE_URL,
      host: 'api.cloudflare.com',
      isDefault: true,
    });
    assert.deepEqual(checkApiBaseUrl('https://proxy.example.com/cf'), {
      url: 'https://proxy.example.com/cf',
      host: 'proxy.example.com',
      isDefault: false,
    });
  });

  it('allows http only for loopback hosts', () => {
    for (const url of ['http://127.0.0.1:8787/client/v4', 'http://localhost:9000', 'http://[::1]:8080/x']) {
      assert.ok(!('error' in checkApiBaseUrl(url)), url);
    }
    for (const url of [
      'http://attacker:8080',
      'http://10.0.0.5/client/v4',
      'http://127.0.0.1.evil.com/',
      'ftp://127.0.0.1/',
      'javascript:alert(1)',
    ]) {
      const checked = checkApiBaseUrl(url);
      assert.ok('error' in checked && /https:/.test(checked.error), url);
    }
  });

  it('refuses credentials in the URL and values that are not URLs', () => {
    assert.ok('error' in checkApiBaseUrl('https://user:pass@api.cloudflare.com/client/v4'));
    assert.ok('error' in checkApiBaseUrl('not a url'));
  });
});
