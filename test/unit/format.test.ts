import { strict as assert } from 'node:assert';
import { formatClock, formatDuration, formatShortTime, formatTime } from '../../src/shared/format';

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

  it('says when a session started in a few characters, the year only when it is not this one', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    assert.equal(formatShortTime('2026-11-20T08:26:59Z', now), 'Nov 20 08:26');
    assert.equal(formatShortTime('2025-01-02T23:05:00Z', now), 'Jan 2 2025 23:05');
    assert.equal(formatShortTime('later', now), 'later');
    assert.equal(formatShortTime(undefined, now), '');
  });
});
