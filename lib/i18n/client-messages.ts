// Which messages go to the browser. Every page is rendered on the server with the whole catalogue; its client
// components get only the namespaces they use, per part of the app: a folder under app/ whose layout wraps its pages
// in components/i18n/client-messages.tsx (an area such as app/account, or one page's route group such as
// app/review/(queue), so the busiest pages carry only their own), and the page's HTML and RSC payload do not carry
// the ~115 KB catalogue. test/i18n/client-messages.test.ts scans the client components of every such folder (and of
// every other page, against the root's) and fails when one names a namespace missing here.

/** For the root layout's own client components (header, error boundary) and every server action's refusal. */
export const ROOT_CLIENT_NAMESPACES = ['errors', 'error', 'layout'] as const;

/**
 * The namespaces each part's client components use (besides ROOT_CLIENT_NAMESPACES), by its folder under app/: a whole
 * namespace, or only the groups of one its client components use ('supervise.table': the supervision namespace is
 * mostly the server's text). A part whose pages hand the supervision actions (app/supervise/actions.ts) to its client
 * components gets 'supervise.errors' too: the actions' refusals are those keys.
 */
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
  'supervise/(board)': ['supervise.errors', 'supervise.reassign', 'supervise.table'],
  'supervise/analytics': ['supervise'],
  'supervise/audit': ['supervise.audit', 'supervise.errors', 'supervise.export'],
  'supervise/cases': ['caseAction', 'evidence', 'filing', 'interimRelief', 'supervise.errors', 'supervise.reassign'],
  'supervise/data-requests': ['privacy', 'superviseDataRequests'],
  'supervise/incidents': ['caseAction', 'evidence', 'filing', 'incidents', 'reviewActions', 'reviewTerms', 'supervise'],
  'supervise/interim-relief': ['supervise'],
  'supervise/second-review': [
    'caseAction',
    'evidence',
    'filing',
    'supervise.errors',
    'supervise.secondReview',
    'supervise.table',
  ],
  transparency: ['supervise.table'],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageArea = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The message group at a dotted path ('supervise', 'supervise.table'), if the catalogue has one. */
export function messagesAt(messages: Messages, path: string): unknown {
  let at: unknown = messages;
  for (const part of path.split('.')) at = at && typeof at === 'object' ? (at as Messages)[part] : undefined;
  return at;
}

/** The given namespaces or groups of namespaces ('supervise.table') of a catalogue (those it has). */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const value = messagesAt(messages, path);
    if (value === undefined) continue;
    const parts = path.split('.');
    let into = picked;
    for (const part of parts.slice(0, -1)) into = (into[part] ??= {}) as Messages;
    into[parts.at(-1)!] = value;
  }
  return picked;
}

/** Whether sending these namespaces or groups gives a client component what a dotted path it names leads to. */
export function coversPath(sent: readonly string[], path: string): boolean {
  return sent.some((entry) => path === entry || path.startsWith(`${entry}.`));
}

/** What an area's client components get: its namespaces and the root's. */
export function clientNamespacesFor(area: ClientMessageArea | null): readonly string[] {
  return area ? [...ROOT_CLIENT_NAMESPACES, ...CLIENT_NAMESPACES[area]] : ROOT_CLIENT_NAMESPACES;
}
