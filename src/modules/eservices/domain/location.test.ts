import { describe, expect, it } from 'vitest';
import { formatCoordinates, osmLink } from './location.js';

describe('a submitted location for staff', () => {
  it('links to the point on openstreetmap.org at street zoom', () => {
    expect(osmLink(13.7563, 100.5018)).toBe('https://www.openstreetmap.org/?mlat=13.7563&mlon=100.5018#map=18/13.7563/100.5018');
    expect(osmLink(-33.8688, 151.2093)).toBe('https://www.openstreetmap.org/?mlat=-33.8688&mlon=151.2093#map=18/-33.8688/151.2093');
  });

  it('rounds to seven decimals and writes no exponent or trailing zeros', () => {
    expect(formatCoordinates(15.123456789, 104.1)).toBe('15.1234568, 104.1');
    expect(osmLink(0.00000001, 100)).toBe('https://www.openstreetmap.org/?mlat=0&mlon=100#map=18/0/100');
  });

  it('makes no link of impossible coordinates', () => {
    expect(osmLink(91, 100)).toBeUndefined();
    expect(osmLink(10, -181)).toBeUndefined();
    expect(osmLink(Number.NaN, 100)).toBeUndefined();
  });
});
