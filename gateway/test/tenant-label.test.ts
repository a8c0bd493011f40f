import { boundedTenantLabel } from '../src/http/tenant-label';

test('the first tenants keep their own label, later ones share "other", none is "none"', () => {
  const label = boundedTenantLabel(2);
  expect(label('t_a')).toBe('t_a');
  expect(label('t_b')).toBe('t_b');
  expect(label('t_c')).toBe('other');
  expect(label('t_a')).toBe('t_a');
  expect(label('t_d')).toBe('other');
  expect(label(null)).toBe('none');
  expect(label(undefined)).toBe('none');
});

test('a thousand tenants make at most limit + 1 series', () => {
  const label = boundedTenantLabel(100);
  const seen = new Set(Array.from({ length: 1000 }, (_, i) => label(`t_${i}`)));
  expect(seen.size).toBe(101);
});
