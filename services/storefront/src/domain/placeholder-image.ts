import { createHash } from 'node:crypto';

/**
 * A product's demo image, generated from its id: a soft two-tone gradient and a simple shape,
 * served by the platform itself (no third-party image host). Deterministic, so it caches well.
 */
export function placeholderSvg(id: string): string {
  const hash = createHash('sha256').update(id).digest();
  const hue = Math.round(((hash[0] ?? 0) / 255) * 360);
  const hue2 = (hue + 30 + ((hash[1] ?? 0) % 60)) % 360;
  const shape = (hash[2] ?? 0) % 3;
  const art =
    shape === 0
      ? '<circle cx="200" cy="200" r="92" fill="#fff" fill-opacity=".55"/>'
      : shape === 1
        ? '<rect x="118" y="118" width="164" height="164" rx="28" fill="#fff" fill-opacity=".55"/>'
        : '<path d="M200 100 300 290H100z" fill="#fff" fill-opacity=".55"/>';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue} 60% 82%)"/><stop offset="1" stop-color="hsl(${hue2} 55% 62%)"/>` +
    `</linearGradient></defs><rect width="400" height="400" fill="url(#g)"/>${art}</svg>`
  );
}
