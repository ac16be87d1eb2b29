/**
 * A submitted location as staff see it: the coordinates as text and a plain link that opens
 * them on openstreetmap.org. There is deliberately no map drawn in the page: map tiles would be
 * third-party content (and the CSP allows only our own origin), every page view would tell the
 * tile server where a citizen's request is, and the page must work without JavaScript. A link
 * sends the point only when a member of staff chooses to follow it. See docs/adr/0009-eservice-citizen-notices-purge-and-no-embedded-map.md.
 */

/** Seven decimals are about a centimetre: more is noise, fewer moves the point. */
const fixed = (n: number): string => String(Number(n.toFixed(7)));

/** `13.7563, 100.5018` (latitude first, as GPS apps and Google Maps read it). */
export const formatCoordinates = (lat: number, lng: number): string => `${fixed(lat)}, ${fixed(lng)}`;

/**
 * The openstreetmap.org address that puts a marker on the point, zoomed to street level.
 * @example osmLink(13.7563, 100.5018) // 'https://www.openstreetmap.org/?mlat=13.7563&mlon=100.5018#map=18/13.7563/100.5018'
 */
export function osmLink(lat: number, lng: number): string | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  const [a, b] = [fixed(lat), fixed(lng)];
  return `https://www.openstreetmap.org/?mlat=${a}&mlon=${b}#map=18/${a}/${b}`;
}
