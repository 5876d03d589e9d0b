// Which audit chain an administrative change goes to: the province it concerns, or the national chain (SPEC §8).
import { NATIONAL_CHAIN } from '@/lib/audit/append';

export function adminChainFor(provinceCode: string | null): string {
  return provinceCode ?? NATIONAL_CHAIN;
}
