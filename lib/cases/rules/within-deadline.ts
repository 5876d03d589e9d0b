// The one definition of "within deadline" (SPEC §7, §12): a deadline is the last instant that still counts, so an act
// at the due instant is in time and a case is overdue only strictly after it. Decisions, audit events, statistics
// (decided_at <= deadline_at), the sweep (due_at < now) and the pages all follow it.
export function isWithinDeadline(at: Date, dueAt: Date): boolean {
  return at.getTime() <= dueAt.getTime();
}
