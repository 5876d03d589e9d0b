// The delivery log of one province for administrators (SPEC §18): its filters checked by the one schema the page's
// query string and the command's options share, then read through lib/integration/delivery-log.ts.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/parse-input';
import { listWebhookDeliveries, type DeliveryAttempt } from './delivery-log';
import { requireAdministrator, requireProvince } from './province-systems';
import { deliveryLogFilterSchema } from './schemas';

export async function listDeliveryLog(actor: Actor, raw: unknown): Promise<DeliveryAttempt[]> {
  requireAdministrator(actor, 'LIST_DELIVERIES');
  const filter = parseInput(deliveryLogFilterSchema, raw);
  if (filter.from && filter.to && filter.from > filter.to)
    throw new ValidationError({ to: 'integration.errors.dayOrder' });
  await requireProvince(filter.provinceCode);
  return listWebhookDeliveries(filter);
}
