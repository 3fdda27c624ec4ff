// The answers of the buying API, typed from the server's own schemas (type-only: nothing of the server is bundled).
import type { z } from 'zod';
import type {
  ExceptionList,
  Money as MoneySchema,
  PackageDetail,
  PackageList as PackageListSchema,
  Placed,
} from '../../../../../src/procurement/buying/buying-schema.ts';
import type { SearchResult } from '../../../../../src/catalog/schema.ts';

export type PackageList = z.infer<typeof PackageListSchema>;
export type PackageSummary = PackageList['items'][number];
export type Package = z.infer<typeof PackageDetail>;
export type CartGroup = NonNullable<Package['cart']>['groups'][number];
export type Money = z.infer<typeof MoneySchema>;
export type Exceptions = z.infer<typeof ExceptionList>;
export type ExceptionRow = Exceptions['items'][number];
export type PlacedOrders = z.infer<typeof Placed>;
export type Search = z.infer<typeof SearchResult>;
export type PackageStatus = PackageSummary['status'];
