import { strict as assert } from 'node:assert';
import uPlot from 'uplot';
import { UTC_AXIS_VALUES, UTC_LEGEND_TIME, utcDate } from '../../src/webview/charts/utcTime';

/** What the stats and compare charts print: uPlot's formats applied to the Date that `tzDate` gives. */
const stamp = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');
const legend = uPlot.fmtDate(UTC_LEGEND_TIME);
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('chart times (utcDate)', () => {
  const saved = process.env.TZ;
  const inZone = (zone: string, check: () => void) => {
    process.env.TZ = zone;
    try {
      check();
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  };

  it('shows UTC east of it, where local time is another hour and, near midnight, another day', () => {
    inZone('Asia/Kolkata', () => {
      // The zone took effect: a local-time label would read 13:56.
      assert.equal(stamp(new Date(Date.parse('2026-11-20T08:26:30Z'))), '2026-11-20 13:56:30');
      assert.equal(stamp(utcDate(seconds('2026-11-20T08:26:30Z'))), '2026-11-20 08:26:30');
      assert.equal(legend(utcDate(seconds('2026-11-20T08:26:30Z'))), '2026-11-20 08:26:30 UTC');
      assert.equal(stamp(utcDate(seconds('2026-11-20T23:59:59Z'))), '2026-11-20 23:59:59');
    });
  });

  it('shows UTC west of it, and across a daylight-saving change', () => {
    inZone('America/New_York', () => {
      assert.equal(stamp(utcDate(seconds('2026-11-20T02:00:00Z'))), '2026-11-20 02:00:00');
      // Clocks went forward at 07:00 UTC on 8 March 2026: shifting by the offset at the instant would say 07:30.
      assert.equal(stamp(utcDate(seconds('2026-03-08T06:30:00Z'))), '2026-03-08 06:30:00');
      // And back at 06:00 UTC on 1 November 2026.
      assert.equal(stamp(utcDate(seconds('2026-11-01T05:30:00Z'))), '2026-11-01 05:30:00');
      assert.equal(stamp(utcDate(seconds('2026-11-01T06:30:00Z'))), '2026-11-01 06:30:00');
    });
  });

  it('keeps fractions of a second', () => {
    inZone('Asia/Kolkata', () => {
      assert.equal(utcDate(seconds('2026-11-20T08:26:30.250Z')).getMilliseconds(), 250);
    });
  });

  it('labels the time axis in 24-hour UTC with ISO dates, as the texts write times', () => {
    inZone('America/New_York', () => {
      const at = utcDate(seconds('2026-11-20T20:26:00Z'));
      const row = (spacing: number) => UTC_AXIS_VALUES.find((entry) => entry[0] === spacing)!;
      const label = (template: string | number | null) => uPlot.fmtDate(String(template))(at);
      assert.equal(label(row(60)[1]), '20:26', 'a tick a minute or more apart');
      assert.equal(label(row(60)[4]), '\n2026-11-20 UTC', 'under the first tick of a day');
      assert.equal(label(row(1)[1]), ':00', 'ticks seconds apart');
      assert.equal(label(row(1)[6]), '\n20:26', 'under the first tick of a minute');
    });
  });
});
