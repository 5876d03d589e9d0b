'use server';
// Publishes a corrected working-day calendar for a year (a new version with its holidays and 调休 working weekends).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { publishCalendarVersion } from '@/lib/admin/publish-calendar-version';
import { publishCalendarSchema, type PublishCalendarInput } from '@/lib/admin/schemas';

const publish = defineAction({
  schema: publishCalendarSchema,
  roles: ['ADMIN'] as const,
  handler: (input, { user }) => publishCalendarVersion(user, input),
});

export async function publishCalendarVersionAction(
  input: PublishCalendarInput,
): Promise<ActionResult<{ id: number; year: number; version: number }>> {
  return publish(input);
}
