// For administration pages: a use case's "not found" becomes the 404 page, like any page a user may not see.
import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/core/errors';

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
