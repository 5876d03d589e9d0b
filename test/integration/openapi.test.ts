// The OpenAPI document is a well-formed OpenAPI 3.1 document whose schemas are valid JSON Schema 2020-12, and it
// lists exactly the route handlers that exist under app/api/v1 (walked on disk), with the same methods.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { GET as getDocs } from '@/app/api/v1/docs/route';
import { GET as getDocument } from '@/app/api/v1/openapi.json/route';
import { buildOpenApiDocument } from '@/lib/integration/openapi';
import { VALID_ASSIGNMENT } from './helpers';

const API_DIR = path.resolve(import.meta.dirname, '../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** `app/api/v1/cases/[reference]/status/route.ts` → `/api/v1/cases/{reference}/status`. */
function routeFiles(dir = API_DIR): { file: string; template: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const segments = path
      .relative(API_DIR, dir)
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'));
    return [{ file: full, template: `/api/v1/${segments.join('/')}` }];
  });
}

type Json = Record<string, unknown>;

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (value && typeof value === 'object') {
    visit(value as Json);
    Object.values(value).forEach((item) => walk(item, visit));
  }
}

function resolvePointer(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined,
      document,
    );
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('has the structure OpenAPI 3.1 requires', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).toEqual(expect.any(String));
    expect(document.info.version).toEqual(expect.any(String));
    expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    const operationIds: string[] = [];
    for (const [template, item] of Object.entries(document.paths)) {
      expect(template.startsWith('/')).toBe(true);
      const templateParams = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, operation] of Object.entries(item)) {
        expect(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']).toContain(method);
        const op = operation as {
          operationId: string;
          responses: Json;
          parameters?: { name: string; in: string; required?: boolean }[];
        };
        operationIds.push(op.operationId);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        for (const [status, response] of Object.entries(op.responses)) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect((response as Json).description).toEqual(expect.any(String));
        }
        // Every {param} of the path is declared as a required path parameter, and nothing else is.
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), `${method} ${template}`).toEqual(templateParams);
        expect(declared.every((p) => p.required === true)).toBe(true);
        for (const requirement of (operation as { security?: Json[] }).security ?? []) {
          for (const scheme of Object.keys(requirement))
            expect(document.components.securitySchemes).toHaveProperty(scheme);
        }
      }
    }
    expect(new Set(operationIds).size).toBe(operationIds.length);
    walk(document, (node) => {
      if (typeof node.$ref === 'string') expect(resolvePointer(document, node.$ref), node.$ref).toBeDefined();
    });
  });

  it('holds only valid JSON Schema 2020-12, and the request schemas enforce what zod enforces', () => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false, allowUnionTypes: true });
    const schemas: Json[] = [];
    walk(document, (node) => {
      if (node.schema && typeof node.schema === 'object' && !('$ref' in (node.schema as Json)))
        schemas.push(node.schema as Json);
    });
    schemas.push(...Object.values(document.components.schemas));
    expect(schemas.length).toBeGreaterThan(10);
    for (const schema of schemas) {
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      ajv.compile(schema);
    }
    const assignmentSchema = (
      document.paths['/api/v1/code-assignments']!.post as {
        requestBody: { content: { 'application/json': { schema: Json } } };
      }
    ).requestBody.content['application/json'].schema;
    const validate = ajv.compile(assignmentSchema);
    const valid = { ...VALID_ASSIGNMENT, personPseudonym: 'p_12345678' };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, provinceCode: '41' })).toBe(false);
    expect(validate({ ...valid, colour: 'BLUE' })).toBe(false);
    expect(validate({ ...valid, issuingUnitCode: '3401' })).toBe(false);
  });

  it('lists exactly the route handlers under app/api/v1, with the methods they export', async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    const onDisk: string[] = [];
    for (const { file, template } of files) {
      const handlers = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof handlers[method] === 'function') onDisk.push(`${method} ${template}`);
    }
    const documented = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(documented.sort()).toEqual(onDisk.sort());
  });

  it('is served at /api/v1/openapi.json and rendered at /api/v1/docs', async () => {
    const served = await getDocument();
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(document)));
    const page = getDocs();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    for (const template of Object.keys(document.paths)) expect(html).toContain(template);
    expect(html).toContain('X-Signature');
    expect(html).not.toMatch(/<script/i);
  });
});
