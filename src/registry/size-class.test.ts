import { describe, expect, it } from 'vitest';
import { sizeClassOf, type SizeThresholds } from './size-class.ts';

const T: SizeThresholds = {
  capital: { micro_max: 1_000_000_000, small_max: 5_000_000_000, medium_max: 10_000_000_000 },
  annual_sales: { micro_max: 2_000_000_000, small_max: 15_000_000_000, medium_max: 50_000_000_000 },
};

describe('size class (PP 7/2021 Pasal 35)', () => {
  it('uses annual sales for an existing business, at the inclusive upper bounds', () => {
    expect(sizeClassOf({ capital: 9e9, annualSales: 2_000_000_000, startYear: 2015 }, T, 2026)).toEqual({
      sizeClass: 'micro',
      basis: 'annual_sales',
    });
    expect(sizeClassOf({ capital: null, annualSales: 2_000_000_001, startYear: 2015 }, T, 2026)?.sizeClass).toBe(
      'small',
    );
    expect(sizeClassOf({ capital: null, annualSales: 15_000_000_001, startYear: 2015 }, T, 2026)?.sizeClass).toBe(
      'medium',
    );
    expect(sizeClassOf({ capital: null, annualSales: 50_000_000_001, startYear: 2015 }, T, 2026)?.sizeClass).toBe(
      'large',
    );
  });

  it('uses capital for a new business (started this year or no sales yet)', () => {
    expect(sizeClassOf({ capital: 1_500_000_000, annualSales: 100_000_000, startYear: 2026 }, T, 2026)).toEqual({
      sizeClass: 'small',
      basis: 'capital',
    });
    expect(sizeClassOf({ capital: 500_000_000, annualSales: null, startYear: 2019 }, T, 2026)).toEqual({
      sizeClass: 'micro',
      basis: 'capital',
    });
    expect(sizeClassOf({ capital: null, annualSales: null, startYear: null }, T, 2026)).toBeUndefined();
  });
});
