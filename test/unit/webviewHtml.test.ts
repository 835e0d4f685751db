import { strict as assert } from 'node:assert';
import { pictureOrigin, webviewShell } from '../../src/panels/webviewHtml';

const base = {
  cspSource: 'https://webview.example',
  scriptUri: 'https://webview.example/w.js',
  styleUri: 'https://webview.example/w.css',
  nonce: 'abc',
  title: 'T',
};
const imgSrc = (html: string) => /img-src ([^;"]*)/.exec(html)?.[1] ?? '';

describe('the stats panel content security policy', () => {
  it('loads no outside image until the user asks to see a picture', () => {
    const policy = imgSrc(webviewShell(base));
    assert.equal(policy, 'https://webview.example data:');
    assert.ok(!/https:(\s|$)/.test(policy), 'no blanket https:');
  });

  it('then allows that picture origin alone', () => {
    assert.equal(
      imgSrc(webviewShell({ ...base, imageOrigin: 'https://cdn.example.com' })),
      'https://webview.example data: https://cdn.example.com',
    );
  });

  it('takes only the https origin of a picture URL, nothing that could widen the policy', () => {
    assert.equal(pictureOrigin('https://cdn.example.com/a/b.png?x=1'), 'https://cdn.example.com');
    for (const url of ['http://cdn.example.com/a.png', 'javascript:alert(1)', 'data:image/png;base64,xx', 'not a url', undefined]) {
      assert.equal(pictureOrigin(url), undefined, String(url));
    }
  });
});
