// The rotation's rules on small cases (pure; the year-long proof against the database is lineup-fairness.test.ts).
import { describe, expect, it } from 'vitest';
import { type Candidate, rotate, type SellerHistory } from './rotation.ts';

const product = (umkmId: number, kecamatan: string, category: string, n = 0): Candidate => ({
  productId: umkmId * 10 + n,
  umkmId,
  kecamatan,
  category,
  lastFeatured: null,
});
const run = (candidates: Candidate[], history: [number, SellerHistory][], quota = 2) =>
  rotate({
    seed: 1,
    quota,
    candidates,
    history: new Map(history),
    sellersPerKecamatan: new Map(
      [...new Set(candidates.map((c) => c.kecamatan))].map((k) => [
        k,
        new Set(candidates.filter((c) => c.kecamatan === k).map((c) => c.umkmId)).size,
      ]),
    ),
  });

describe('the rotation', () => {
  it('leaves slots empty rather than give anyone a second turn while others still wait', () => {
    // Kecamatan A: three sellers still due in round 2; kecamatan B: both had their round-2 turn already.
    const cands = [1, 2, 3]
      .map((u) => product(u, 'A', 'kue-roti'))
      .concat([4, 5].map((u) => product(u, 'B', 'busana')));
    const h: [number, SellerHistory][] = [
      [1, { round: 1, lastFeatured: '2027-01-01' }],
      [2, { round: 1, lastFeatured: '2027-01-08' }],
      [3, { round: 1, lastFeatured: '2027-01-01' }],
      [4, { round: 2, lastFeatured: '2027-02-05' }],
      [5, { round: 2, lastFeatured: '2027-02-05' }],
    ];
    const { picks, round } = run(cands, h);
    expect(round).toBe(2);
    expect(picks.map((p) => p.kecamatan)).toEqual(['A', 'A']);
    expect(picks.map((p) => p.umkmId).sort()).toEqual([1, 3]); // featured longest ago first
  });

  it('starts the next round in the free slots once everyone due has their turn, never featuring a seller twice', () => {
    const cands = [1, 2, 3].map((u) => product(u, 'A', u === 3 ? 'minuman' : 'kue-roti'));
    const { picks } = run(cands, [[1, { round: 1, lastFeatured: '2027-01-01' }]], 3);
    // Sellers 2 and 3 (never featured) finish round 1; seller 1 opens round 2 in the slot left.
    expect(
      picks
        .slice(0, 2)
        .map((p) => [p.umkmId, p.round])
        .sort(),
    ).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(picks.slice(2).map((p) => [p.umkmId, p.round])).toEqual([[1, 2]]);
    expect(new Set(picks.map((p) => p.category))).toEqual(new Set(['kue-roti', 'minuman']));
  });

  it('adds more products only where the kecamatan has fewer sellers than its quota, in turn, categories mixed', () => {
    const cands = [product(1, 'A', 'kue-roti', 0), product(1, 'A', 'minuman', 1), product(1, 'A', 'kue-roti', 2)]
      .concat([product(2, 'A', 'kue-roti', 0), product(2, 'A', 'busana', 1)])
      .concat([3, 4, 5, 6].map((u) => product(u, 'B', 'kerajinan')));
    const { picks } = run(cands, [], 4);
    const a = picks.filter((p) => p.kecamatan === 'A');
    expect(a.map((p) => p.kind)).toEqual(['turn', 'turn', 'extra', 'extra']);
    expect(new Set(a.map((p) => p.category))).toEqual(new Set(['kue-roti', 'minuman', 'busana']));
    expect(picks.filter((p) => p.kecamatan === 'B').map((p) => p.kind)).toEqual(['turn', 'turn', 'turn', 'turn']);
  });
});
