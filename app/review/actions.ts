'use server';
// The reviewer's case actions, reachable by direct POST: each goes through defineAction (the shared zod schema, the
// session, reviewers only) and then the engine, which loads the case through the reviewer's scope: a case of another
// province is "not found" and nothing changes. Every change carries the case version the reviewer's screen showed.
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { claimCase } from '@/lib/cases/use-cases/claim-case';
import { releaseCase } from '@/lib/cases/use-cases/release-case';
import { decideCase } from '@/lib/cases/use-cases/decide-case';
import { revealIdentity, revealIdentitySchema } from '@/lib/cases/use-cases/reveal-identity';
import { requestInformation } from '@/lib/cases/use-cases/request-information';
import { startReview } from '@/lib/cases/use-cases/start-review';
import {
  caseActionSchema,
  decideSchema,
  requestInformationSchema,
  transferSchema,
  type CaseActionInput,
  type DecideInput,
  type RequestInformationInput,
  type TransferInput,
} from '@/lib/cases/forms/schemas';
import { transferCase } from '@/lib/cases/use-cases/transfer-case';

export type CaseVersion = { caseId: string; version: number };

const REVIEWER = ['REVIEWER'] as const;
const versionOf = ({ case: changed }: { case: { id: string; version: number } }): CaseVersion => ({
  caseId: changed.id,
  version: changed.version,
});

const claim = defineAction({
  schema: caseActionSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => versionOf(await claimCase(user, input)),
});
const release = defineAction({
  schema: caseActionSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => versionOf(await releaseCase(user, input)),
});
const start = defineAction({
  schema: caseActionSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => versionOf(await startReview(user, input)),
});
const ask = defineAction({
  schema: requestInformationSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => versionOf(await requestInformation(user, input)),
});
const decide = defineAction({
  schema: decideSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => versionOf(await decideCase(user, input)),
});
const transfer = defineAction({
  schema: transferSchema,
  roles: REVIEWER,
  handler: async (input, { user }) => {
    await transferCase(user, input);
    return { caseId: input.caseId };
  },
});
const reveal = defineAction({
  schema: revealIdentitySchema,
  roles: REVIEWER,
  handler: (input, { user }) => revealIdentity(user, input),
});

export async function claimCaseAction(input: CaseActionInput): Promise<ActionResult<CaseVersion>> {
  return claim(input);
}

export async function releaseCaseAction(input: CaseActionInput): Promise<ActionResult<CaseVersion>> {
  return release(input);
}

export async function startReviewAction(input: CaseActionInput): Promise<ActionResult<CaseVersion>> {
  return start(input);
}

export async function requestInformationAction(input: RequestInformationInput): Promise<ActionResult<CaseVersion>> {
  return ask(input);
}

export async function decideCaseAction(input: DecideInput): Promise<ActionResult<CaseVersion>> {
  return decide(input);
}

export async function transferCaseAction(input: TransferInput): Promise<ActionResult<{ caseId: string }>> {
  return transfer(input);
}

/** The full ID number, once, for the screen that asked; it is never put in a URL or a log. */
export async function revealIdentityAction(input: {
  caseId: string;
}): Promise<ActionResult<{ idNumber: string | null }>> {
  return reveal(input);
}
