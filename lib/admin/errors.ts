// Refusals of the administration use cases: the one error type of lib/core/errors.ts, with the admin's message keys.
import { AppError } from '@/lib/core/errors';

export { fieldRefusal, notFound } from '@/lib/core/errors';

/** Someone else changed the record since the form was loaded. */
export const stale = (): AppError => new AppError('admin.errors.stale', 409);
