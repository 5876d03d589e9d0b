// The route table of API v1: every route handler under app/api/v1 takes its schemas from here, and the OpenAPI
// document is built from it, so the document lists exactly the routes that exist (checked by a test).
import type { z } from 'zod';
import {
  caseParamsSchema,
  caseStatusSchema,
  codeAssignmentResultSchema,
  codeAssignmentSchema,
  confirmationResultSchema,
  correctionConfirmationSchema,
  orderParamsSchema,
} from './schemas';

export interface ApiRouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface ApiRoute<
  Params extends z.ZodObject | null = z.ZodObject | null,
  Body extends z.ZodType | null = z.ZodType | null,
> {
  method: 'GET' | 'POST';
  /** OpenAPI path template; `{name}` maps to the folder `[name]` under app/api/v1. */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  description: string;
  /** Signed with an API key (X-Key-Id, X-Timestamp, X-Signature). */
  signed: boolean;
  params: Params;
  body: Body;
  /** Success responses; the error responses of signed routes are added by the document builder. */
  responses: Record<number, ApiRouteResponse>;
}

function route<Params extends z.ZodObject | null, Body extends z.ZodType | null>(
  definition: ApiRoute<Params, Body>,
): ApiRoute<Params, Body> {
  return definition;
}

export const API_ROUTES = {
  recordCodeAssignment: route({
    method: 'POST',
    path: '/api/v1/code-assignments',
    operationId: 'recordCodeAssignment',
    summary: 'Push a code assignment',
    description:
      "Records a health-code assignment made by the key's province. Idempotent by `recordId`: pushing the same record again " +
      'changes nothing (status `unchanged`), pushing it with new content updates it (status `updated`). The issuing unit must ' +
      "belong to the key's province and the reason code to the national catalogue. Appeals are checked against these records.",
    signed: true,
    params: null,
    body: codeAssignmentSchema,
    responses: {
      200: {
        description: 'The record existed; it was updated or was already identical.',
        schema: codeAssignmentResultSchema,
      },
      201: { description: 'The record was created.', schema: codeAssignmentResultSchema },
    },
  }),
  confirmCorrection: route({
    method: 'POST',
    path: '/api/v1/corrections/{orderId}/confirmation',
    operationId: 'confirmCorrection',
    summary: 'Confirm that a correction order was applied',
    description:
      "Confirms that the province system changed the person's code as the correction order (webhook CORRECTION_ORDER) said, " +
      'or as an interim relief order (webhook INTERIM_RELIEF_ORDER: a temporary correction or its revert) said. ' +
      "Idempotent: a second confirmation returns the first one's time and changes nothing. Orders of other provinces are not found.",
    signed: true,
    params: orderParamsSchema,
    body: correctionConfirmationSchema,
    responses: { 200: { description: 'The order is confirmed.', schema: confirmationResultSchema } },
  }),
  getCaseStatus: route({
    method: 'GET',
    path: '/api/v1/cases/{reference}/status',
    operationId: 'getCaseStatus',
    summary: 'Read the status of a case',
    description:
      "State, decision and correction of a case whose issuing province or current province is the key's province; " +
      'any other case is not found. No personal data is returned.',
    signed: true,
    params: caseParamsSchema,
    body: null,
    responses: { 200: { description: 'The case status.', schema: caseStatusSchema } },
  }),
  openApiDocument: route({
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI 3.1 document',
    description: 'The machine-readable description of API v1, generated from the schemas that validate requests.',
    signed: false,
    params: null,
    body: null,
    responses: { 200: { description: 'The OpenAPI document.' } },
  }),
  docs: route({
    method: 'GET',
    path: '/api/v1/docs',
    operationId: 'getDocs',
    summary: 'Human-readable documentation',
    description: 'This document rendered as a web page.',
    signed: false,
    params: null,
    body: null,
    responses: { 200: { description: 'An HTML page.', contentType: 'text/html' } },
  }),
} as const;

export type ApiRouteName = keyof typeof API_ROUTES;
