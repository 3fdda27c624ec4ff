import { describe, expect, it } from 'vitest';
import { photoList } from './photos.ts';

describe('product page photos', () => {
  it('keeps same-site photos in order, with their size when both sides are known', () => {
    expect(
      photoList([
        {
          id: 1,
          thumbUrl: '/api/catalog/photos/1?size=thumb',
          displayUrl: '/api/catalog/photos/1?size=display',
          width: 1200,
          height: 900,
        },
        { displayUrl: '/api/catalog/photos/2?size=display', width: 800 },
      ]),
    ).toEqual([
      {
        thumbUrl: '/api/catalog/photos/1?size=thumb',
        displayUrl: '/api/catalog/photos/1?size=display',
        width: 1200,
        height: 900,
      },
      { thumbUrl: '/api/catalog/photos/2?size=display', displayUrl: '/api/catalog/photos/2?size=display' },
    ]);
  });

  it('shows none (the placeholder) when the answer has no usable photos', () => {
    expect(photoList(undefined)).toEqual([]);
    expect(photoList('x')).toEqual([]);
    expect(
      photoList([
        null,
        3,
        { thumbUrl: '/a' },
        { displayUrl: 'https://elsewhere.example/p.webp' },
        { displayUrl: '//elsewhere.example/p.webp' },
      ]),
    ).toEqual([]);
  });
});
