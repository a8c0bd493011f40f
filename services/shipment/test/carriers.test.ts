import { CARRIERS } from '../src';
import { luhnCheckDigit } from '../src/domain/carriers/swiftship/luhn';
import { s10CheckDigit } from '../src/domain/carriers/parcelpost/s10';

const carrier = (name: string) => CARRIERS.find((c) => c.name === name)!;
const parcel = (units: number, country: string, subtotal = 2000) => ({
  units,
  country,
  subtotal,
  currency: 'USD',
});
const storeRates = { shippingFlatRate: 599 };

test('the check digits follow their published algorithms', () => {
  expect(s10CheckDigit('47312482')).toBe(9); // the UPU S10 example RR473124829GB
  expect(luhnCheckDigit('7992739871')).toBe(3); // the classic Luhn example 79927398713
  expect(() => s10CheckDigit('1234')).toThrow(RangeError);
});

test('flat charges the store’s own flat rate, whatever the parcel', () => {
  for (const p of [parcel(1, 'US'), parcel(40, 'JP', 900_000)]) {
    expect(carrier('flat').quote(p, storeRates)).toEqual({
      carrier: 'flat',
      carrierName: 'Store delivery',
      amount: 599,
      currency: 'USD',
    });
  }
});

test('the simulated carriers have different rate tables by units and destination', () => {
  const pp = carrier('parcelpost');
  const sw = carrier('swiftship');
  expect(pp.quote(parcel(1, 'US'), storeRates).amount).toBe(450 + 75);
  expect(pp.quote(parcel(3, 'DE'), storeRates).amount).toBe(1200 + 3 * 150);
  expect(pp.quote(parcel(2, 'JP'), storeRates).amount).toBe(1900 + 2 * 250);
  expect(sw.quote(parcel(2, 'US'), storeRates).amount).toBe(900);
  expect(sw.quote(parcel(3, 'US'), storeRates).amount).toBe(1400);
  expect(sw.quote(parcel(21, 'FR'), storeRates).amount).toBe(8000);
  expect(sw.quote(parcel(1, 'US', 10_000), storeRates).amount).toBe(0); // free at home from 100.00
  expect(sw.quote(parcel(1, 'CA', 10_000), storeRates).amount).toBe(2400);
});

test.each(['flat', 'parcelpost', 'swiftship'])(
  '%s labels carry tracking numbers of its own format',
  (name) => {
    const c = carrier(name);
    const others = CARRIERS.filter((o) => o !== c);
    for (const serial of [0, 1, 47312482, 2 ** 47 - 1, 123_456_789_012]) {
      const label = c.createLabel(serial);
      expect(c.isTrackingNumber(label.trackingNumber)).toBe(true);
      for (const other of others) expect(other.isTrackingNumber(label.trackingNumber)).toBe(false);
    }
  },
);

test.each(['parcelpost', 'swiftship'])('%s refuses a tracking number with a wrong check digit', (name) => {
  const c = carrier(name);
  const { trackingNumber } = c.createLabel(987_654_321);
  const at = name === 'parcelpost' ? 10 : trackingNumber.length - 1; // the check digit's position
  const wrong = (Number(trackingNumber[at]) + 1) % 10;
  const tampered = `${trackingNumber.slice(0, at)}${wrong}${trackingNumber.slice(at + 1)}`;
  expect(c.isTrackingNumber(tampered)).toBe(false);
  expect(c.createLabel(987_654_321).trackingUrl).toContain(trackingNumber);
});

test('each carrier maps its own tracking codes onto the lifecycle, and no others', () => {
  expect(carrier('parcelpost').mapTracking('DELIVERED')?.status).toBe('DELIVERED');
  expect(carrier('parcelpost').mapTracking('DL')).toBeUndefined();
  expect(carrier('swiftship').mapTracking('DL')?.status).toBe('DELIVERED');
  expect(carrier('swiftship').mapTracking('LS')?.status).toBe('LOST');
  expect(carrier('swiftship').mapTracking('toString')).toBeUndefined();
  expect(carrier('flat').mapTracking('dispatched')?.status).toBe('IN_TRANSIT');
});
