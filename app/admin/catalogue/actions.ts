'use server';
// Publishes a new version of the reason catalogue (old cases keep the version they were filed under).
import { defineAction, type ActionResult } from '@/lib/auth/action';
import { publishCatalogueVersion } from '@/lib/admin/publish-catalogue-version';
import { publishCatalogueSchema, type PublishCatalogueInput } from '@/lib/admin/schemas';

const publish = defineAction({
  schema: publishCatalogueSchema,
  roles: ['ADMIN'] as const,
  handler: (input, { user }) => publishCatalogueVersion(user, input),
});

export async function publishCatalogueVersionAction(
  input: PublishCatalogueInput,
): Promise<ActionResult<{ id: number; version: number }>> {
  return publish(input);
}
