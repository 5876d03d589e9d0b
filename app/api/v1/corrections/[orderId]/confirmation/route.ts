// POST /api/v1/corrections/{orderId}/confirmation — a province system confirms it applied a correction order (signed).
import { handleApiRequest } from '@/lib/integration/api-handler';
import { confirmCorrection } from '@/lib/integration/confirm-correction';
import { API_ROUTES } from '@/lib/integration/routes';

export async function POST(request: Request, context: { params: Promise<{ orderId: string }> }): Promise<Response> {
  return handleApiRequest(
    request,
    API_ROUTES.confirmCorrection,
    await context.params,
    async ({ client, params, body, now }) => ({
      status: 200,
      body: await confirmCorrection(client, params.orderId, body, now),
    }),
  );
}
