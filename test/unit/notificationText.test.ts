import { strict as assert } from 'node:assert';
import { notificationText } from '../../src/commands/support/notificationText';

describe('text from the API shown in a notification', () => {
  it('breaks Markdown link syntax so VS Code does not render a command or web link', () => {
    const hostile = 'Not found [Open settings](command:workbench.action.openSettings) or [x] (https://evil.example)';
    const shown = notificationText(hostile);
    assert.ok(!/\]\s*\(/.test(shown), shown);
    assert.ok(shown.includes('Open settings') && shown.includes('command:workbench.action.openSettings'), 'the text itself stays readable');
  });

  it('breaks autolinks such as <command:…> and leaves ordinary text alone', () => {
    assert.ok(!/<command:/.test(notificationText('see <command:realtimekit.clearApiToken>')));
    assert.equal(notificationText('Session 1234 was not found (404).'), 'Session 1234 was not found (404).');
  });
});
