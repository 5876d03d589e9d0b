// The staff account an administration form changes, at the version its page read: a change made in between is
// refused rather than overwritten.
export interface AccountVersion {
  userId: string;
  expectedUpdatedAt: string;
}
