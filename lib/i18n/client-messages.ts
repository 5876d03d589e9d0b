// Which messages go to the browser. Every page is rendered on the server with the whole catalogue; its client
// components get only the namespaces they use, per part of the app: a folder under app/ whose layout wraps its pages
// in components/i18n/client-messages.tsx (an area such as app/account, or one page's route group such as
// app/review/(queue), so the busiest pages carry only their own), and the page's HTML and RSC payload do not carry
// the ~115 KB catalogue. test/i18n/client-messages.test.ts scans the client components of every such folder (and of
// every other page, against the root's) and fails when one names a namespace missing here.

/** For the root layout's own client components (header, error boundary) and every server action's refusal. */
export const ROOT_CLIENT_NAMESPACES = ['errors', 'error', 'layout'] as const;

/** The namespaces each part's client components use (besides ROOT_CLIENT_NAMESPACES), by its folder under app/. */
export const CLIENT_NAMESPACES = {
  account: ['account', 'privacy', 'totp'],
  admin: ['admin', 'caseAction', 'evidence', 'filing', 'integration', 'roles', 'supervise'],
  'my-cases': [
    'caseAction',
    'caseTypes',
    'citizenEvidence',
    'citizenFiling',
    'citizenReply',
    'citizenTerms',
    'evidence',
    'filing',
    'interimRelief',
  ],
  privacy: ['citizenFiling'],
  'review/(queue)': ['reviewQueue', 'reviewTerms'],
  'review/cases': ['caseAction', 'evidence', 'filing', 'interimRelief', 'reviewActions', 'reviewCase', 'reviewTerms'],
  'sign-in': ['signIn', 'totp'],
  status: ['calendarCoverage', 'caseTypes', 'citizenCase', 'citizenStates', 'citizenStatus', 'citizenTerms'],
  'supervise/(board)': ['supervise'],
  'supervise/analytics': ['supervise'],
  'supervise/audit': ['supervise'],
  'supervise/cases': ['caseAction', 'evidence', 'filing', 'interimRelief', 'supervise'],
  'supervise/data-requests': ['privacy', 'superviseDataRequests'],
  'supervise/incidents': ['caseAction', 'evidence', 'filing', 'incidents', 'reviewActions', 'reviewTerms', 'supervise'],
  'supervise/interim-relief': ['supervise'],
  'supervise/second-review': ['caseAction', 'evidence', 'filing', 'supervise'],
  transparency: ['supervise'],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageArea = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The given top-level namespaces of a catalogue (those it has). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) if (namespace in messages) picked[namespace] = messages[namespace];
  return picked;
}

/** What an area's client components get: its namespaces and the root's. */
export function clientNamespacesFor(area: ClientMessageArea | null): readonly string[] {
  return area ? [...ROOT_CLIENT_NAMESPACES, ...CLIENT_NAMESPACES[area]] : ROOT_CLIENT_NAMESPACES;
}
