'use client';
// Shown with "you have signed out": an unfinished appeal kept in this tab goes with the session, also when the sign-out
// form was posted before the page's JavaScript had loaded.
import { useEffect } from 'react';
import { clearFilingDraft } from './filing-draft';

export function ClearFilingDraft() {
  useEffect(() => {
    void clearFilingDraft();
  }, []);
  return null;
}
