// Filing as JSON for a signed-in citizen (an appeal without evidence files; the wizard posts files through its
// server action). The same action wrapper, filing schema and use case as the wizard.
import { z } from 'zod';
import { defineAction, routeAnswer } from '@/lib/auth/action';
import { AppError } from '@/lib/core/errors';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { refuseUnlessSameOriginJson } from '@/lib/security/same-origin-json';

const NOT_JSON = Symbol('not JSON');

// The filing is parsed by submitAppeal with filingSchema (the one the form uses), like the wizard's action.
const file = defineAction({
  schema: z.unknown(),
  roles: ['CITIZEN'],
  handler: (filing, { user }) => {
    if (filing === NOT_JSON) throw new AppError('errors.validation', 400);
    return submitAppeal(user, filing);
  },
});

export async function POST(request: Request): Promise<Response> {
  // Cookie-authenticated: only JSON from this origin (no cross-site form posts, no text/plain).
  const refused = refuseUnlessSameOriginJson(request);
  if (refused) return refused;
  const body: unknown = await request.json().catch(() => NOT_JSON);
  return routeAnswer(await file(body), ({ case: filed, created }) =>
    Response.json(
      { reference: filed.reference, caseId: filed.id, state: filed.state, dueAt: filed.dueAt.toISOString() },
      { status: created ? 201 : 200 },
    ),
  );
}
