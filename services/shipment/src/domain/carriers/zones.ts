/** Destination zones the simulated carriers price by (they ship from the US). */
export type Zone = 'domestic' | 'europe' | 'world';

const EUROPE = new Set(
  'AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(
    ' ',
  ),
);

export function zoneOf(country: string): Zone {
  if (country === 'US') return 'domestic';
  return EUROPE.has(country) ? 'europe' : 'world';
}
