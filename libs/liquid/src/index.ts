// The shared part of the platform's sandboxed Liquid: engine options and the money filter.
export { RENDER_LIMITS, SANDBOX_OPTIONS } from './sandbox';
export { currencyExponent, formatMoney } from './money';
