// Every page, route handler and server action of the app has an entry in the authorisation matrix, and every entry
// names something that exists. A new route without an entry fails here, naming it; the Playwright spec
// e2e/admin/authorization-matrix.spec.ts then checks each entry against the running app.
import { describe, expect, it } from 'vitest';
import { listPages, listRouteHandlers, listServerActions, routePathOf } from './app-entry-points';
import { ACTIONS, PAGES, PRINCIPALS, ROUTES, type Expectations } from './matrix';

const MATRIX = 'test/authorization/matrix.ts';

function incomplete(expect: Expectations): string[] {
  return PRINCIPALS.filter((principal) => !(principal in expect));
}

describe('the authorisation matrix covers the whole app', () => {
  it('has an entry for every page', () => {
    const missing = listPages()
      .filter((file) => !(file in PAGES))
      .map((file) => `page ${routePathOf(file)} (${file}) has no entry in PAGES of ${MATRIX}`);
    expect(missing).toEqual([]);
  });

  it('has an entry for every route handler and each HTTP method it exports', () => {
    const missing = listRouteHandlers().flatMap(({ file, methods }) => {
      const entry = ROUTES[file];
      if (!entry)
        return [`route ${methods.join('/')} ${routePathOf(file)} (${file}) has no entry in ROUTES of ${MATRIX}`];
      return [
        ...methods
          .filter((method) => !(method in entry.methods))
          .map(
            (method) =>
              `route ${method} ${routePathOf(file)} (${file}) has no ${method} in its ROUTES entry of ${MATRIX}`,
          ),
        ...Object.keys(entry.methods)
          .filter((method) => !methods.includes(method))
          .map((method) => `${file} exports no ${method}, but its ROUTES entry lists one`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('has an entry for every server action', () => {
    const missing = listServerActions()
      .filter((key) => !(key in ACTIONS))
      .map(
        (key) => `server action ${key.replace('#', ' export ')} has no entry in ACTIONS of ${MATRIX} (key '${key}')`,
      );
    expect(missing).toEqual([]);
  });

  it('lists nothing that does not exist, with the path of its file and an answer for every principal', () => {
    const pages = new Set(listPages());
    const routes = new Set(listRouteHandlers().map(({ file }) => file));
    const actions = new Set(listServerActions());
    const problems = [
      ...Object.entries(PAGES).flatMap(([file, entry]) => [
        ...(pages.has(file) ? [] : [`PAGES lists ${file}, which does not exist`]),
        ...(entry.path === routePathOf(file)
          ? []
          : [`PAGES entry ${file} says path ${entry.path}, the file serves ${routePathOf(file)}`]),
        ...incomplete(entry.expect).map((principal) => `PAGES entry ${file} has no answer for ${principal}`),
        ...[...entry.path.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)]
          .filter((match) => !entry.params?.[match[1]!])
          .map((match) => `PAGES entry ${file} has no fixture for [${match[1]}]`),
      ]),
      ...Object.entries(ROUTES).flatMap(([file, entry]) => [
        ...(routes.has(file) ? [] : [`ROUTES lists ${file}, which does not exist`]),
        ...(entry.path === routePathOf(file)
          ? []
          : [`ROUTES entry ${file} says path ${entry.path}, the file serves ${routePathOf(file)}`]),
        ...Object.entries(entry.methods).flatMap(([method, spec]) =>
          incomplete(spec.expect).map((principal) => `ROUTES entry ${file} ${method} has no answer for ${principal}`),
        ),
      ]),
      ...Object.entries(ACTIONS).flatMap(([key, entry]) => [
        ...(actions.has(key) ? [] : [`ACTIONS lists ${key}, which is not an export of a 'use server' module`]),
        ...incomplete(entry.expect).map((principal) => `ACTIONS entry ${key} has no answer for ${principal}`),
      ]),
    ];
    expect(problems).toEqual([]);
  });

  it('finds what it looks for (the walker is not blind)', () => {
    expect(listPages()).toContain('app/admin/page.tsx');
    expect(listRouteHandlers()).toContainEqual({
      file: 'app/api/auth/[...nextauth]/route.ts',
      methods: ['GET', 'POST'],
    });
    expect(listServerActions()).toContain('app/admin/staff/actions.ts#setStaffActiveAction');
    expect(routePathOf('app/(public)/status/[reference]/page.tsx')).toBe('/status/[reference]');
  });
});
