// Work a request need not wait for: inside a Next.js request it runs after the response is sent (`after`, which keeps
// the process on it until it ends); outside one (scripts, workers, tests) the caller awaits it as before.
import { after } from 'next/server';

export async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task);
  } catch {
    // `after` throws outside a request scope.
    await task();
  }
}
