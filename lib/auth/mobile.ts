// Mainland mobile numbers: the one pattern citizens sign in with, and the masked form logs and screens show.
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMainlandMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

/** `13800000001` → `138****0001`; anything else is fully hidden. */
export function maskMobile(mobile: string): string {
  return isMainlandMobile(mobile) ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '***********';
}
