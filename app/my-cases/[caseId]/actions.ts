'use server';
// What a citizen may do on their own case page: answer the reviewer's question (text and files), withdraw before a
// decision, ask for a second-level review, and ask for interim relief. Each action checks the session and goes through the engine, which
// loads the case through the citizen's scope: someone else's case is "not found" and nothing changes.
import { z } from 'zod';
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { requestSecondReview } from '@/lib/cases/use-cases/request-second-review';
import { withdrawCase } from '@/lib/cases/use-cases/withdraw-case';
import { replyToRequest } from '@/lib/cases/use-cases/reply-to-request';
import { requestInterimRelief } from '@/lib/cases/use-cases/request-interim-relief';
import {
  citizenReplySchema,
  requestReliefSchema,
  requestSecondReviewSchema,
  withdrawSchema,
  type RequestReliefInput,
  type RequestSecondReviewInput,
  type WithdrawInput,
} from '@/lib/cases/forms/schemas';
import { filesOf, jsonPartOf } from '@/app/my-cases/form-data';

type CaseRef = { caseId: string };

const reply = defineAction({
  schema: citizenReplySchema.extend({ files: z.array(z.instanceof(File)) }),
  roles: ['CITIZEN'],
  async handler({ files, ...fields }, { user }) {
    const evidence = await Promise.all(
      files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const result = await replyToRequest(user, fields, evidence);
    return { caseId: result.case.id };
  },
});

export async function replyToRequestAction(formData: FormData): Promise<ActionResult<CaseRef>> {
  const fields = jsonPartOf(formData, 'reply');
  return reply({ ...(typeof fields === 'object' ? fields : {}), files: filesOf(formData, 'evidence') });
}

const withdraw = defineAction({
  schema: withdrawSchema,
  roles: ['CITIZEN'],
  async handler(input, { user }) {
    const result = await withdrawCase(user, input);
    return { caseId: result.case.id };
  },
});

export async function withdrawCaseAction(input: WithdrawInput): Promise<ActionResult<CaseRef>> {
  return withdraw(input);
}

const secondReview = defineAction({
  schema: requestSecondReviewSchema,
  roles: ['CITIZEN'],
  async handler(input, { user }) {
    const result = await requestSecondReview(user, input);
    return { caseId: result.case.id };
  },
});

export async function requestSecondReviewAction(input: RequestSecondReviewInput): Promise<ActionResult<CaseRef>> {
  return secondReview(input);
}

const relief = defineAction({
  schema: requestReliefSchema,
  roles: ['CITIZEN'],
  async handler(input, { user }) {
    const requested = await requestInterimRelief(user, input);
    return { caseId: requested.caseId };
  },
});

/** Interim relief asked for from the case page (SPEC §15); at filing it comes with the filing itself. */
export async function requestInterimReliefAction(input: RequestReliefInput): Promise<ActionResult<CaseRef>> {
  return relief(input);
}
