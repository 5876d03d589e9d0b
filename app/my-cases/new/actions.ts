'use server';
// The filing wizard's server actions: file the appeal (fields as one JSON part, evidence files beside it) and list
// the cities and counties of a province. Both check the session themselves: a direct POST without one is refused.
import { z } from 'zod';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { listIssuingUnits, type CityChoice } from '@/lib/cases/views/citizen-queries';
import { submitAppeal } from '@/lib/cases/use-cases/submit-appeal';
import { filesOf, jsonPartOf } from '@/app/my-cases/form-data';

// The filing itself is parsed by submitAppeal with filingSchema (the one the form uses), so its field errors keep
// their names; the evidence rules (count, size, type by content) are checked there too.
const uploadSchema = z.strictObject({ filing: z.unknown(), files: z.array(z.instanceof(File)) });

const fileAppeal = defineAction({
  schema: uploadSchema,
  roles: ['CITIZEN'],
  async handler({ filing, files }, { user }) {
    const evidence = await Promise.all(
      files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const result = await submitAppeal(user, filing, evidence);
    return { caseId: result.case.id, reference: result.case.reference };
  },
});

/**
 * Interim relief asked for at filing (SPEC §15) may come inside the `filing` part or as its own form fields
 * `reliefReason` and `reliefDetail`: the latter are added to the filing (which the schema then checks) unless the
 * filing names them itself.
 */
function withReliefFields(formData: FormData, filing: unknown): unknown {
  if (!filing || typeof filing !== 'object' || Array.isArray(filing) || !(formData instanceof FormData)) return filing;
  const extra: Record<string, unknown> = {};
  for (const name of ['reliefReason', 'reliefDetail'] as const) {
    const value = formData.get(name);
    if (value !== null && !(name in filing)) extra[name] = value;
  }
  return { ...filing, ...extra };
}

export async function fileAppealAction(
  formData: FormData,
): Promise<ActionResult<{ caseId: string; reference: string }>> {
  return fileAppeal({
    filing: withReliefFields(formData, jsonPartOf(formData, 'filing')),
    files: filesOf(formData, 'evidence'),
  });
}

const listUnits = defineAction({
  schema: z.strictObject({ provinceCode: z.string().regex(/^\d{2}$/) }),
  roles: ['CITIZEN'],
  handler: ({ provinceCode }) => listIssuingUnits(provinceCode),
});

export async function listIssuingUnitsAction(input: { provinceCode: string }): Promise<ActionResult<CityChoice[]>> {
  return listUnits(input);
}
