import { strict as assert } from 'node:assert';
import { formatClock, formatDuration, formatTime } from '../../src/shared/format';

describe('formatting', () => {
  it('formats durations given in minutes', () => {
    assert.equal(formatDuration(0.5), '30 s');
    assert.equal(formatDuration(12.25), '12 min 15 s');
    assert.equal(formatDuration(125), '2 h 5 min');
    assert.equal(formatDuration(-1), '');
  });

  it('formats times in UTC and keeps text that is not a date', () => {
    assert.equal(formatTime('2026-11-20T09:05:03.120Z'), '2026-11-20 09:05:03 UTC');
    assert.equal(formatTime('yesterday'), 'yesterday');
    assert.equal(formatTime(undefined), '');
    assert.equal(formatClock('2026-11-20T09:05:03.120Z'), '09:05:03');
    assert.equal(formatClock('soon'), 'soon');
  });
});
