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

export async function fileAppealAction(
  formData: FormData,
): Promise<ActionResult<{ caseId: string; reference: string }>> {
  return fileAppeal({ filing: jsonPartOf(formData, 'filing'), files: filesOf(formData, 'evidence') });
}

const listUnits = defineAction({
  schema: z.strictObject({ provinceCode: z.string().regex(/^\d{2}$/) }),
  roles: ['CITIZEN'],
  handler: ({ provinceCode }) => listIssuingUnits(provinceCode),
});

export async function listIssuingUnitsAction(input: { provinceCode: string }): Promise<ActionResult<CityChoice[]>> {
  return listUnits(input);
}
