import { describe, expect, it } from 'vitest';
import { barWidth, fileSize, percent, queryOf } from './format.ts';

describe('analysis page formatting', () => {
  it('shows rates as percentages with one decimal in each language', () => {
    expect(percent(0.6165, 'id')).toBe('61,7%');
    expect(percent(0.6165, 'en')).toBe('61.7%');
    expect(percent(1, 'id')).toBe('100%');
    expect(percent(0.0255, 'en')).toBe('2.6%'); // the programme's own weak spot: P7 at ≈2%
    expect(percent(12.345, 'id')).toBe('1.234,5%'); // a skipped stage can exceed the previous one many times
    expect(percent(null, 'id')).toBe('—');
  });

  it('sizes files for people', () => {
    expect(fileSize(900, 'id')).toBe('900 B');
    expect(fileSize(12_500, 'en')).toBe('12 KB');
    expect(fileSize(1_468_006, 'id')).toBe('1,4 MB');
    expect(fileSize(1_468_006, 'en')).toBe('1.4 MB');
  });

  it('draws bars relative to the longest, never invisible when non-zero', () => {
    expect(barWidth(2000, 2000)).toBe(100);
    expect(barWidth(51, 2000)).toBeCloseTo(2.55);
    expect(barWidth(1, 385_000)).toBe(0.5);
    expect(barWidth(0, 2000)).toBe(0);
    expect(barWidth(5, 0)).toBe(0);
  });

  it('puts only the chosen filters in the query', () => {
    expect(queryOf({ agencyId: 3, region: '', groupBy: 'city', x: undefined })).toBe('?agencyId=3&groupBy=city');
    expect(queryOf({ a: '' })).toBe('');
  });
});
