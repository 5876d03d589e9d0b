// Demo data of the provincial integration (SPEC §18): one province connected — its system with a webhook address on
// this machine (port 4010, where `npm run integration -- receiver` listens), an API key, and the delivery history
// of its demo correction orders, consistent with their outbox rows. Created through the onboarding use cases (audited
// as SYSTEM); skipped when the province is already configured, so seeding twice duplicates nothing.
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import type { PrismaClient } from '@/lib/db/client';
import { createApiKey } from '@/lib/integration/api-keys';
import { configureProvinceSystem } from '@/lib/integration/province-systems';

export const DEMO_INTEGRATION_PROVINCE = '34';
export const DEMO_RECEIVER_PORT = 4010;
export const DEMO_WEBHOOK_URL = `http://127.0.0.1:${DEMO_RECEIVER_PORT}/demo-webhook`;

export interface DemoIntegration {
  keyId: string;
  secret: string;
  deliveries: number;
}

export async function seedDemoIntegration(prisma: PrismaClient): Promise<DemoIntegration | null> {
  const provinceCode = DEMO_INTEGRATION_PROVINCE;
  if (await prisma.provinceSystem.findUnique({ where: { provinceCode }, select: { provinceCode: true } })) return null;
  await configureProvinceSystem(SYSTEM_ACTOR, {
    provinceCode,
    name: '安徽省健康码系统（演示：本机接收端）/ Anhui health-code system (demo: local receiver)',
    webhookUrl: DEMO_WEBHOOK_URL,
  });
  const key = await createApiKey(SYSTEM_ACTOR, { provinceCode, name: '演示 demo' });

  // The attempts the demo outbox rows say were made: a delivered event's last attempt answered 200, a waiting one's
  // attempts all failed (the province's system was unreachable).
  const events = await prisma.outboxEvent.findMany({
    where: { provinceCode, attempts: { gt: 0 } },
    select: { id: true, status: true, attempts: true, createdAt: true, deliveredAt: true, lastError: true },
  });
  const deliveries = events.flatMap((event) =>
    Array.from({ length: event.attempts }, (_, index) => {
      const attempt = index + 1;
      const delivered = event.status === 'SENT' && attempt === event.attempts;
      const attemptedAt =
        delivered && event.deliveredAt
          ? new Date(event.deliveredAt.getTime() - 180)
          : new Date(event.createdAt.getTime() + (2 ** attempt - 1) * 30_000);
      return {
        outboxEventId: event.id,
        provinceCode,
        attempt,
        attemptedAt,
        httpStatus: delivered ? 200 : null,
        error: delivered ? null : (event.lastError ?? 'TypeError: ECONNREFUSED'),
        durationMs: delivered ? 180 : 3,
        delivered,
      };
    }),
  );
  if (deliveries.length > 0) await prisma.webhookDelivery.createMany({ data: deliveries });
  return { keyId: key.keyId, secret: key.secret, deliveries: deliveries.length };
}
