const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The UPU S10 check digit of 8 serial digits: weighted sum mod 11 (10 -> 0, 11 -> 5). */
export function s10CheckDigit(digits: string): number {
  if (!/^[0-9]{8}$/.test(digits)) throw new RangeError('expects 8 digits');
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}
