import { describe, expect, it } from 'vitest';
import { barWidths } from './figures.ts';

describe('members-per-kota bars', () => {
  it('scales to the largest kota', () => {
    expect(barWidths([34717, 39398, 48201, 67208, 50880, 3496])).toEqual([52, 59, 72, 100, 76, 5]);
  });
  it('draws nothing before any member is registered', () => {
    expect(barWidths([0, 0, 0])).toEqual([0, 0, 0]);
    expect(barWidths([])).toEqual([]);
  });
});
