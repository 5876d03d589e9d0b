// The privacy notice (SPEC §17): its versions, newest last. A case records the version accepted at filing; every
// version stays readable at /privacy?version=… . The texts live in the messages (privacyNotice.versions.<key>).
export interface PrivacyNoticeVersion {
  version: string;
  /** Message key under privacyNotice.versions. */
  key: string;
  publishedOn: string;
}

export const PRIVACY_NOTICE_VERSIONS: readonly PrivacyNoticeVersion[] = [
  // The notice the filing form has shown since launch (its text is citizenFiling.privacy).
  { version: '2026-01', key: 'v2026_01', publishedOn: '2026-01-01' },
  // Names the responsible body per province, the recipients, each retention period and the citizen's rights.
  { version: '2026-12', key: 'v2026_12', publishedOn: '2026-12-04' },
];

export const CURRENT_PRIVACY_NOTICE = PRIVACY_NOTICE_VERSIONS.at(-1)!;

export function findPrivacyNotice(version: string | undefined): PrivacyNoticeVersion {
  return PRIVACY_NOTICE_VERSIONS.find((notice) => notice.version === version) ?? CURRENT_PRIVACY_NOTICE;
}
