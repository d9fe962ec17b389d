import {
  ErrorBodySchema,
  QuoteResultSchema,
  type CreatedApiKey,
  type CreateService,
  type ErrorBody,
  type IntegrationSettings,
  type QuoteRequest,
  type QuoteResult,
  type RateTable,
  type Service,
  type ServiceAssignment,
  type ServiceSelectionRule,
} from '@portal/contracts';
import type { ApiClient, ApiResponse } from './api';
import { eventually } from './eventually';
import type { Courier } from './fixtures';
import type { PricingTable } from './pricing';

/** A rate table POST body (PRODUCT 2.1). */
export interface RateTableBody extends PricingTable {
  name: string;
  currency: string;
}

export async function createService(courier: Courier, body: CreateService): Promise<Service> {
  const res = await courier.api.post<Service>('/v1/services', body);
  if (res.status !== 201) throw new Error(`POST /v1/services answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function createRateTable(courier: Courier, body: RateTableBody): Promise<RateTable> {
  const res = await courier.api.post<RateTable>('/v1/rate-tables', body);
  if (res.status !== 201) throw new Error(`POST /v1/rate-tables answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function assignServices(courier: Courier, clientId: string, pairs: ServiceAssignment[]): Promise<ServiceAssignment[]> {
  const res = await courier.api.put<ServiceAssignment[]>(`/v1/clients/${clientId}/services`, pairs);
  if (res.status !== 200) throw new Error(`PUT /v1/clients/${clientId}/services answered ${res.status}: ${res.text}`);
  return res.body;
}

export async function setIntegrationSettings(courier: Courier, clientId: string, settings: IntegrationSettings): Promise<IntegrationSettings> {
  const res = await courier.api.put<IntegrationSettings>(`/v1/clients/${clientId}/integration-settings`, settings);
  if (res.status !== 200) throw new Error(`PUT integration-settings answered ${res.status}: ${res.text}`);
  return res.body;
}

export const enableWithRule = (courier: Courier, clientId: string, rule: ServiceSelectionRule): Promise<IntegrationSettings> =>
  setIntegrationSettings(courier, clientId, { orderCreationEnabled: true, serviceSelectionRule: rule });

/** A client-scoped API key (issued by client settings). */
export async function createClientKey(courier: Courier, clientId: string): Promise<string> {
  const res = await courier.api.post<CreatedApiKey>(`/v1/clients/${clientId}/api-keys`);
  if (res.status !== 201) throw new Error(`POST api-keys answered ${res.status}: ${res.text}`);
  return res.body.apiKey;
}

export const postQuote = (orders: ApiClient, body: QuoteRequest): Promise<ApiResponse<unknown>> => orders.post<unknown>('/v1/quotes', body);

/** Posts a quote until it answers 200 and `accept` holds (configuration reaching order management and quoting). */
export async function quoteWhen(orders: ApiClient, body: QuoteRequest, accept: (q: QuoteResult) => boolean, timeoutMs = 15_000): Promise<QuoteResult> {
  return eventually(async () => {
    const res = await postQuote(orders, body);
    if (res.status !== 200) throw new Error(`POST /v1/quotes answered ${res.status}: ${res.text}`);
    const parsed = QuoteResultSchema.parse(res.body);
    if (!accept(parsed)) throw new Error(`quote not as awaited yet: ${res.text}`);
    return parsed;
  }, timeoutMs, 150);
}

/** Asserts an error answer: the status and the {error:{code,message,details}} shape; returns the body. */
export function errorBody(res: ApiResponse<unknown>, status: number): ErrorBody {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const parsed = ErrorBodySchema.safeParse(res.body);
  if (!parsed.success) throw new Error(`error body does not have the {error:{code,message,details}} shape: ${res.text}`);
  if (parsed.data.error.message.length === 0) throw new Error(`error without a message: ${res.text}`);
  return parsed.data;
}
