// The authorisation matrix (SPEC §10): for every page, route handler and server action of app/, what each kind of
// caller gets. test/authorization/matrix-coverage.test.ts fails when a file in app/ has no entry here (or an entry
// names a file that is gone); e2e/admin/authorization-matrix.spec.ts requests every entry as every principal against
// the end-to-end database and checks the answer, and that refused writes changed nothing.
//
// Principals (e2e demo accounts): province X = 34 (Anhui), Y = 41 (Henan).
//   citizenA 13800000001 · citizenB 13800000003 · reviewerX reviewer-ah-1 · reviewerY reviewer-ha-1 ·
//   supervisorX supervisor-ah · supervisorY supervisor-ha · supervisorNational supervisor-national · admin · anonymous

export const PRINCIPALS = [
  'anonymous',
  'citizenA',
  'citizenB',
  'reviewerX',
  'reviewerY',
  'supervisorX',
  'supervisorY',
  'supervisorNational',
  'admin',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/**
 * Pages: `allow` 200 · `signIn` redirect to /sign-in · `notFound` 404 · `redirect` any other redirect.
 * Route handlers: `allow` 2xx (or 400/409/422: past the authorisation, refused by validation or state) ·
 * `unauthorized` 401 · `forbidden` 403 · `notFound` 404 · `signIn`/`redirect` as for pages.
 * Server actions: `allow` the wrapper lets the caller through (ok, or refused by validation/state: 400/409/422);
 * `notFound` answered 404 (the action's ActionResult), and for writes the database is unchanged.
 */
export type Outcome = 'allow' | 'signIn' | 'notFound' | 'redirect' | 'unauthorized' | 'forbidden' | 'unavailable';
export type Expectations = Record<Principal, Outcome>;

/**
 * Values for dynamic segments and action inputs, looked up in the e2e database by the Playwright spec:
 * caseX: a case of citizen A in province X · caseXDecided: one of those with a first decision ·
 * caseXOpen: one still open for the citizen to withdraw · caseXSecondReview: a case of X waiting for or in
 * second-level review · evidenceX: an evidence file of a case of citizen A in X ·
 * reviewerXUser: the user id of reviewerX · provinceX: '34' · year: 2026 · catalogueVersion: 1 · exportTable: 'overdue' ·
 * provinceY: '41' · incidentY: the demo mass incident in province Y (Zhengzhou).
 */
export type Fixture =
  | 'caseX'
  | 'caseXDecided'
  | 'caseXOpen'
  | 'caseXSecondReview'
  | 'evidenceX'
  | 'reviewerXUser'
  | 'provinceX'
  | 'year'
  | 'catalogueVersion'
  | 'exportTable'
  | 'provinceY'
  | 'incidentY';

export interface PageEntry {
  /** Route path with its dynamic segments, as in app/ (`/my-cases/[caseId]`). */
  path: string;
  /** Which fixture fills each dynamic segment. */
  params?: Record<string, Fixture>;
  expect: Expectations;
  /** Shows personal data: must be sent with Cache-Control no-store. */
  personalData?: boolean;
}

export interface RouteMethodEntry {
  expect: Expectations;
  /** The concrete path to request when the route is a catch-all (e.g. /api/auth/session); defaults to the route path. */
  requestPath?: string;
  /** Changes state: refused callers must change nothing. */
  writes?: boolean;
}

export interface RouteEntry {
  path: string;
  params?: Record<string, Fixture>;
  methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', RouteMethodEntry>>;
}

export interface ActionEntry {
  expect: Expectations;
  /** Changes state: refused callers must change nothing. */
  writes: boolean;
  /**
   * Input that passes validation and names a record of province X / citizen A, so a refused caller is refused by scope
   * (404), not by validation. Without it, only role-level refusals are checked (the wrapper checks the role first).
   */
  input?: (fixtures: Record<Fixture, string>) => unknown[];
  /**
   * Allowed callers are probed with input the schema refuses (422), proving they pass the role check without changing
   * anything. `skip` for actions that would change shared state even so (signing out, sending SMS).
   */
  allowedProbe?: 'invalid-input' | 'skip';
}

const ALL_SIGNED_IN: Principal[] = PRINCIPALS.filter((principal) => principal !== 'anonymous');

/** Everyone gets the same answer. */
export function everyone(outcome: Outcome): Expectations {
  return Object.fromEntries(PRINCIPALS.map((principal) => [principal, outcome])) as Expectations;
}

/** `allowed` get `allow`; other signed-in callers `others`; the anonymous caller `anonymous`. */
export function only(
  allowed: readonly Principal[],
  others: Outcome = 'notFound',
  anonymous: Outcome = 'signIn',
): Expectations {
  return Object.fromEntries(
    PRINCIPALS.map((principal) => [
      principal,
      allowed.includes(principal) ? 'allow' : principal === 'anonymous' ? anonymous : others,
    ]),
  ) as Expectations;
}

/** Server actions answer everyone outside `allowed`, the anonymous caller too, with 404. */
export function onlyAction(allowed: readonly Principal[]): Expectations {
  return only(allowed, 'notFound', 'notFound');
}

const CITIZEN_A_X: Principal[] = ['citizenA'];
const CITIZENS: Principal[] = ['citizenA', 'citizenB'];
const REVIEWERS: Principal[] = ['reviewerX', 'reviewerY'];
const SUPERVISORS: Principal[] = ['supervisorX', 'supervisorY', 'supervisorNational'];
const STAFF: Principal[] = [...REVIEWERS, ...SUPERVISORS, 'admin'];
/** Staff whose scope covers a case of province X. */
const COVERS_X: Principal[] = ['reviewerX', 'supervisorX', 'supervisorNational'];

/** A page of one of citizen A's cases in X: only citizen A sees it; `caseId` names which of those cases. */
function citizenCasePage(path: string, caseId: Fixture): PageEntry {
  return { path, params: { caseId }, expect: only(CITIZEN_A_X), personalData: true };
}

/**
 * A server action on the demo incident of Y: another province's supervisor is refused by the incident's scope (404),
 * not by role, and nothing changes; allowed actors get invalid input. `fields` completes the incident's input.
 */
function incidentAction(fields: (fixtures: Record<Fixture, string>) => Record<string, unknown>): ActionEntry {
  return {
    expect: only(['supervisorY', 'supervisorNational'], 'notFound', 'notFound'),
    writes: true,
    allowedProbe: 'invalid-input',
    input: (f) => [{ provinceCode: f.provinceY, incidentId: f.incidentY, ...fields(f) }],
  };
}

/** An administration page of one province (X): the administrator's only. */
function provinceAdminPage(path: string): PageEntry {
  return { path, params: { provinceCode: 'provinceX' }, expect: only(['admin']) };
}

/** Every page (app/**\/page.tsx), keyed by its file. */
export const PAGES: Record<string, PageEntry> = {
  'app/page.tsx': { path: '/', expect: everyone('allow') },
  'app/sign-in/page.tsx': { path: '/sign-in', expect: { ...everyone('redirect'), anonymous: 'allow' } },
  'app/sign-in/two-factor/page.tsx': {
    path: '/sign-in/two-factor',
    expect: { ...everyone('redirect'), anonymous: 'signIn' },
  },
  'app/home/page.tsx': { path: '/home', expect: { ...everyone('redirect'), anonymous: 'signIn' } },
  'app/dev/sms/page.tsx': { path: '/dev/sms', expect: everyone('allow') },
  'app/status/page.tsx': { path: '/status', expect: everyone('allow') },
  'app/transparency/page.tsx': { path: '/transparency', expect: everyone('allow') },
  'app/privacy/page.tsx': { path: '/privacy', expect: everyone('allow') },
  // The published audit checkpoints and the receipt check are public (SPEC §8): nothing personal in them.
  'app/audit/checkpoints/page.tsx': { path: '/audit/checkpoints', expect: everyone('allow') },
  'app/audit/receipt/page.tsx': { path: '/audit/receipt', expect: everyone('allow') },
  'app/account/page.tsx': { path: '/account', expect: only(ALL_SIGNED_IN, 'notFound', 'signIn'), personalData: true },
  'app/account/password/page.tsx': { path: '/account/password', expect: only(STAFF) },
  'app/account/my-data/page.tsx': { path: '/account/my-data', expect: only(CITIZENS), personalData: true },
  'app/account/my-data/request/page.tsx': {
    path: '/account/my-data/request',
    expect: only(CITIZENS),
    personalData: true,
  },
  'app/account/two-factor/page.tsx': { path: '/account/two-factor', expect: only(STAFF) },

  'app/my-cases/page.tsx': { path: '/my-cases', expect: only(CITIZENS), personalData: true },
  'app/my-cases/new/page.tsx': { path: '/my-cases/new', expect: only(CITIZENS), personalData: true },
  'app/my-cases/[caseId]/page.tsx': citizenCasePage('/my-cases/[caseId]', 'caseX'),
  'app/my-cases/[caseId]/confirmation/page.tsx': citizenCasePage('/my-cases/[caseId]/confirmation', 'caseX'),
  'app/my-cases/[caseId]/decision/page.tsx': citizenCasePage('/my-cases/[caseId]/decision', 'caseXDecided'),
  'app/my-cases/[caseId]/withdraw/page.tsx': citizenCasePage('/my-cases/[caseId]/withdraw', 'caseXOpen'),

  'app/review/(queue)/page.tsx': { path: '/review', expect: only(REVIEWERS), personalData: true },
  'app/review/cases/[caseId]/page.tsx': {
    path: '/review/cases/[caseId]',
    params: { caseId: 'caseX' },
    expect: only(['reviewerX']),
    personalData: true,
  },

  'app/supervise/(board)/page.tsx': { path: '/supervise', expect: only(SUPERVISORS), personalData: true },
  'app/supervise/analytics/page.tsx': { path: '/supervise/analytics', expect: only(SUPERVISORS) },
  'app/supervise/interim-relief/page.tsx': { path: '/supervise/interim-relief', expect: only(SUPERVISORS) },
  'app/supervise/data-requests/page.tsx': {
    path: '/supervise/data-requests',
    expect: only(SUPERVISORS),
    personalData: true,
  },
  'app/supervise/audit/page.tsx': { path: '/supervise/audit', expect: only(SUPERVISORS), personalData: true },
  'app/supervise/cases/[reference]/page.tsx': {
    path: '/supervise/cases/[reference]',
    params: { reference: 'caseX' },
    expect: only(['supervisorX', 'supervisorNational']),
    personalData: true,
  },
  'app/supervise/incidents/page.tsx': { path: '/supervise/incidents', expect: only(SUPERVISORS) },
  'app/supervise/incidents/[provinceCode]/[incidentId]/page.tsx': {
    path: '/supervise/incidents/[provinceCode]/[incidentId]',
    params: { provinceCode: 'provinceY', incidentId: 'incidentY' },
    expect: only(['supervisorY', 'supervisorNational']),
    personalData: true,
  },
  'app/supervise/second-review/page.tsx': {
    path: '/supervise/second-review',
    expect: only(SUPERVISORS),
    personalData: true,
  },
  'app/supervise/second-review/[reference]/page.tsx': {
    path: '/supervise/second-review/[reference]',
    params: { reference: 'caseXSecondReview' },
    expect: only(['supervisorX', 'supervisorNational']),
    personalData: true,
  },

  'app/admin/page.tsx': { path: '/admin', expect: only(['admin']) },
  'app/admin/staff/page.tsx': { path: '/admin/staff', expect: only(['admin']), personalData: true },
  'app/admin/staff/new/page.tsx': { path: '/admin/staff/new', expect: only(['admin']) },
  'app/admin/staff/[userId]/page.tsx': {
    path: '/admin/staff/[userId]',
    params: { userId: 'reviewerXUser' },
    expect: only(['admin']),
    personalData: true,
  },
  'app/admin/pools/page.tsx': { path: '/admin/pools', expect: only(['admin']) },
  'app/admin/operations/page.tsx': { path: '/admin/operations', expect: only(['admin']) },
  'app/admin/pools/[provinceCode]/page.tsx': {
    ...provinceAdminPage('/admin/pools/[provinceCode]'),
    personalData: true,
  },
  'app/admin/policies/page.tsx': { path: '/admin/policies', expect: only(['admin']) },
  'app/admin/policies/[provinceCode]/page.tsx': provinceAdminPage('/admin/policies/[provinceCode]'),
  'app/admin/calendar/page.tsx': { path: '/admin/calendar', expect: only(['admin']) },
  'app/admin/calendar/[year]/page.tsx': {
    path: '/admin/calendar/[year]',
    params: { year: 'year' },
    expect: only(['admin']),
  },
  'app/admin/catalogue/page.tsx': { path: '/admin/catalogue', expect: only(['admin']) },
  'app/admin/integration/page.tsx': { path: '/admin/integration', expect: only(['admin']) },
  'app/admin/integration/[provinceCode]/page.tsx': provinceAdminPage('/admin/integration/[provinceCode]'),
  'app/admin/integration/[provinceCode]/deliveries/page.tsx': provinceAdminPage(
    '/admin/integration/[provinceCode]/deliveries',
  ),
  'app/admin/catalogue/new/page.tsx': { path: '/admin/catalogue/new', expect: only(['admin']) },
  'app/admin/catalogue/[version]/page.tsx': {
    path: '/admin/catalogue/[version]',
    params: { version: 'catalogueVersion' },
    expect: only(['admin']),
  },
};

/** Every route handler (app/**\/route.ts), keyed by its file, with each exported HTTP method. */
export const ROUTES: Record<string, RouteEntry> = {
  'app/api/auth/[...nextauth]/route.ts': {
    path: '/api/auth/[...nextauth]',
    methods: {
      // next-auth's own endpoints: the session and CSRF token are public; sign-in and sign-out are POSTs with its CSRF token.
      GET: { requestPath: '/api/auth/csrf', expect: everyone('allow') },
      // Without next-auth's CSRF token a credentials post is only redirected (to its CSRF check); nobody is signed in.
      POST: { requestPath: '/api/auth/callback/staff-password', expect: everyone('redirect'), writes: true },
    },
  },
  'app/api/v1/docs/route.ts': { path: '/api/v1/docs', methods: { GET: { expect: everyone('allow') } } },
  // Operations (SPEC §18): liveness and readiness for load balancers (no data in them); metrics for the monitoring
  // system's bearer token or an administrator, 404 to everyone else.
  'app/api/health/route.ts': { path: '/api/health', methods: { GET: { expect: everyone('allow') } } },
  'app/api/audit/checkpoints/route.ts': {
    path: '/api/audit/checkpoints',
    methods: { GET: { expect: everyone('allow') } },
  },
  'app/api/audit/receipt/route.ts': {
    path: '/api/audit/receipt',
    methods: {
      GET: { requestPath: `/api/audit/receipt?chain=34&seq=1&hash=${'0'.repeat(64)}`, expect: everyone('allow') },
    },
  },
  // The e2e server runs no scheduler, so the sweep never ran there: readiness answers 503 (the same to everyone).
  'app/api/ready/route.ts': { path: '/api/ready', methods: { GET: { expect: everyone('unavailable') } } },
  'app/api/metrics/route.ts': {
    path: '/api/metrics',
    methods: { GET: { expect: only(['admin'], 'notFound', 'notFound') } },
  },
  'app/api/v1/openapi.json/route.ts': { path: '/api/v1/openapi.json', methods: { GET: { expect: everyone('allow') } } },
  // The machine API answers only signed requests of a province's system: a browser session is no credential.
  'app/api/v1/code-assignments/route.ts': {
    path: '/api/v1/code-assignments',
    methods: { POST: { expect: everyone('unauthorized'), writes: true } },
  },
  'app/api/v1/cases/[reference]/status/route.ts': {
    path: '/api/v1/cases/[reference]/status',
    params: { reference: 'caseX' },
    methods: { GET: { expect: everyone('unauthorized') } },
  },
  'app/api/v1/corrections/[orderId]/confirmation/route.ts': {
    path: '/api/v1/corrections/[orderId]/confirmation',
    params: { orderId: 'caseX' },
    methods: { POST: { expect: everyone('unauthorized'), writes: true } },
  },
  // JSON for scripts: filing without files (citizens; the probe's empty body is refused by validation) and the queue.
  'app/api/appeals/route.ts': {
    path: '/api/appeals',
    methods: { POST: { expect: only(CITIZENS, 'notFound', 'notFound'), writes: true } },
  },
  'app/api/review/queue/route.ts': {
    path: '/api/review/queue',
    methods: { GET: { expect: only(REVIEWERS, 'notFound', 'notFound') } },
  },
  'app/evidence/[evidenceId]/route.ts': {
    path: '/evidence/[evidenceId]',
    params: { evidenceId: 'evidenceX' },
    methods: { GET: { expect: only([...CITIZEN_A_X, ...COVERS_X], 'notFound', 'notFound') } },
  },
  'app/my-cases/[caseId]/decision/pdf/route.ts': {
    path: '/my-cases/[caseId]/decision/pdf',
    params: { caseId: 'caseXDecided' },
    methods: { GET: { expect: only(CITIZEN_A_X, 'notFound', 'notFound') } },
  },
  'app/account/my-data/export/route.ts': {
    path: '/account/my-data/export',
    methods: { GET: { expect: only(CITIZENS, 'notFound', 'notFound') } },
  },
  'app/supervise/export/[table]/route.ts': {
    path: '/supervise/export/[table]',
    params: { table: 'exportTable' },
    methods: { POST: { expect: only(SUPERVISORS, 'notFound', 'notFound'), writes: true } },
  },
};

const caseInput = (fixtures: Record<Fixture, string>) => [{ caseId: fixtures.caseX, expectedVersion: 1 }];

/** Every export of every 'use server' module, keyed `file#export`. */
export const ACTIONS: Record<string, ActionEntry> = {
  'app/actions/set-locale.ts#setLocaleAction': { expect: everyone('allow'), writes: false, allowedProbe: 'skip' },
  'app/sign-in/actions.ts#requestSignInCodeAction': { expect: everyone('allow'), writes: true, allowedProbe: 'skip' },
  'app/sign-in/two-factor/actions.ts#verifySecondFactorAction': {
    // Only a session waiting for its second factor may use it; a complete session or none is refused.
    expect: everyone('notFound'),
    writes: true,
    input: () => [{ code: '000000' }],
  },
  'app/status/actions.ts#requestStatusCodeAction': { expect: everyone('allow'), writes: true, allowedProbe: 'skip' },
  'app/status/actions.ts#checkStatusCodeAction': {
    expect: everyone('allow'),
    writes: true,
    allowedProbe: 'invalid-input',
  },

  'app/account/actions.ts#signOutEverywhereAction': {
    expect: onlyAction(ALL_SIGNED_IN),
    writes: true,
    allowedProbe: 'skip',
  },
  // Valid input, so that citizens and the anonymous caller are refused by the session check, not by validation.
  'app/account/actions.ts#changePasswordAction': {
    expect: onlyAction(STAFF),
    writes: true,
    input: () => [
      {
        currentPassword: 'not-the-password',
        newPassword: 'Matrix-Probe-Password-1',
        confirmPassword: 'Matrix-Probe-Password-1',
      },
    ],
  },
  'app/account/actions.ts#startTotpEnrolmentAction': {
    expect: onlyAction(STAFF),
    writes: true,
    input: () => [{ restart: false }],
  },
  'app/account/actions.ts#confirmTotpEnrolmentAction': {
    expect: onlyAction(STAFF),
    writes: true,
    input: () => [{ code: '000000' }],
  },
  'app/account/actions.ts#regenerateRecoveryCodesAction': {
    expect: onlyAction(STAFF),
    writes: true,
    input: () => [{ code: '000000' }],
  },

  'app/my-cases/new/actions.ts#fileAppealAction': { expect: onlyAction(CITIZENS), writes: true, allowedProbe: 'skip' },
  'app/my-cases/new/actions.ts#listIssuingUnitsAction': { expect: onlyAction(CITIZENS), writes: false },
  'app/my-cases/[caseId]/actions.ts#replyToRequestAction': {
    expect: onlyAction(CITIZENS),
    writes: true,
    allowedProbe: 'skip',
  },
  'app/my-cases/[caseId]/actions.ts#withdrawCaseAction': {
    expect: onlyAction(CITIZENS),
    writes: true,
    input: (fixtures) => [{ caseId: fixtures.caseXOpen, expectedVersion: 1 }],
  },
  'app/my-cases/[caseId]/actions.ts#requestSecondReviewAction': { expect: onlyAction(CITIZENS), writes: true },
  'app/account/my-data/actions.ts#fileDataRequestAction': { expect: onlyAction(CITIZENS), writes: true },
  'app/supervise/data-requests/actions.ts#answerDataRequestAction': { expect: onlyAction(SUPERVISORS), writes: true },
  'app/my-cases/[caseId]/actions.ts#requestInterimReliefAction': {
    expect: onlyAction(CITIZENS),
    writes: true,
    input: (fixtures) => [{ caseId: fixtures.caseXOpen, reason: 'MEDICAL_CARE' }],
  },
  'app/actions/decide-interim-relief.ts#decideInterimReliefAction': {
    expect: onlyAction([...REVIEWERS, ...SUPERVISORS]),
    writes: true,
    input: (fixtures) => [
      {
        caseId: fixtures.caseX,
        reliefId: '00000000-0000-4000-8000-000000000000',
        expectedVersion: 1,
        decision: 'REFUSE',
        reason: '授权矩阵探测：不予准予的理由。',
      },
    ],
  },

  'app/review/actions.ts#claimCaseAction': { expect: onlyAction(REVIEWERS), writes: true, input: caseInput },
  'app/review/actions.ts#releaseCaseAction': { expect: onlyAction(REVIEWERS), writes: true, input: caseInput },
  'app/review/actions.ts#startReviewAction': { expect: onlyAction(REVIEWERS), writes: true, input: caseInput },
  'app/review/actions.ts#requestInformationAction': { expect: onlyAction(REVIEWERS), writes: true },
  'app/review/actions.ts#decideCaseAction': { expect: onlyAction(REVIEWERS), writes: true },
  'app/review/actions.ts#transferCaseAction': { expect: onlyAction(REVIEWERS), writes: true },
  'app/review/actions.ts#revealIdentityAction': {
    expect: onlyAction(REVIEWERS),
    writes: true,
    input: (fixtures) => [{ caseId: fixtures.caseX }],
  },

  'app/supervise/actions.ts#reassignCaseAction': {
    expect: onlyAction(SUPERVISORS),
    writes: true,
    allowedProbe: 'skip',
  },
  'app/supervise/actions.ts#reassignAllAction': { expect: onlyAction(SUPERVISORS), writes: true, allowedProbe: 'skip' },
  'app/supervise/actions.ts#startSecondReviewAction': {
    expect: onlyAction(SUPERVISORS),
    writes: true,
    allowedProbe: 'skip',
  },
  'app/supervise/actions.ts#decideSecondReviewAction': { expect: onlyAction(SUPERVISORS), writes: true },
  // The incident actions: another province's supervisor is refused by the incident's scope (404), not by role.
  'app/supervise/incidents/actions.ts#decideIncidentAction': incidentAction((f) => ({
    caseIds: [f.caseX],
    outcome: 'REVOKED',
    ruleCode: 'NON_EPIDEMIC',
    reasons: '赋码理由与疫情防控无关，依法撤销红码并恢复绿码。',
  })),
  // Group interim relief: the same scope as the finding.
  'app/supervise/incidents/actions.ts#grantIncidentReliefAction': incidentAction((f) => ({
    caseIds: [f.caseX],
    toColour: 'GREEN',
    reason: '同一机关以非疫情理由批量赋红码，先行临时转码。',
  })),
  // Closing: the same scope as the finding.
  'app/supervise/incidents/actions.ts#closeIncidentAction': incidentAction(() => ({
    expectedVersion: 1,
    reason: '事件已处理完毕，相关案件均已作出决定。',
  })),
  'app/supervise/actions.ts#verifyChainsAction': {
    expect: onlyAction(SUPERVISORS),
    writes: true,
    allowedProbe: 'skip',
  },

  'app/admin/staff/actions.ts#createStaffAccountAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/staff/actions.ts#updateStaffAccountAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/staff/actions.ts#setStaffActiveAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/staff/actions.ts#resetStaffCredentialsAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/staff/actions.ts#listUnitsAction': { expect: onlyAction(['admin']), writes: false },
  'app/admin/pools/actions.ts#setReviewerCapacityAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/policies/actions.ts#publishDeadlinePolicyAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/calendar/actions.ts#publishCalendarVersionAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/catalogue/actions.ts#publishCatalogueVersionAction': { expect: onlyAction(['admin']), writes: true },
  // Inputs naming province X's real system, so a refused caller is refused by role, not by validation.
  'app/admin/integration/actions.ts#configureProvinceSystemAction': {
    expect: onlyAction(['admin']),
    writes: true,
    input: (fixtures) => [
      { provinceCode: fixtures.provinceX, name: '越权修改', webhookUrl: 'https://attacker.example/' },
    ],
  },
  'app/admin/integration/actions.ts#rotateWebhookSecretAction': {
    expect: onlyAction(['admin']),
    writes: true,
    input: (fixtures) => [{ provinceCode: fixtures.provinceX }],
  },
  'app/admin/integration/actions.ts#createApiKeyAction': {
    expect: onlyAction(['admin']),
    writes: true,
    input: (fixtures) => [{ provinceCode: fixtures.provinceX, name: 'outsider' }],
  },
  'app/admin/integration/actions.ts#rotateApiKeyAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/integration/actions.ts#revokeApiKeyAction': { expect: onlyAction(['admin']), writes: true },
  'app/admin/integration/actions.ts#sendTestDeliveryAction': {
    expect: onlyAction(['admin']),
    writes: true,
    input: (fixtures) => [{ provinceCode: fixtures.provinceX }],
  },
  'app/admin/integration/actions.ts#replayDeliveryAction': { expect: onlyAction(['admin']), writes: true },
};
