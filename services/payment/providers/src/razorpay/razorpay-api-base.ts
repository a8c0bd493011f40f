/** Razorpay's API host (`RAZORPAY_API_BASE` points it at a stand-in); no SDK here, read eagerly. */
export const RAZORPAY_API_BASE = 'https://api.razorpay.com';
