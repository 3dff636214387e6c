import { OPERATION_NAMES, errorSchema, operations, type Api, type OperationName } from '../../../shared/contract';

/** What the Electron preload exposes (electron/preload/bridge.ts); absent when the renderer is served over HTTP. */
interface Bridge {
  call(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;
}

declare global {
  interface Window {
    bluehelm?: Bridge;
  }
}

/** A refused or failed call, carrying the core's own message so it can be shown as is. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

async function overHttp(name: OperationName, input: unknown): Promise<unknown> {
  const res = await fetch('/rpc/' + name, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
    credentials: 'same-origin',
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Non-JSON answers (a 401 page, a proxy error) are reported by their text below.
  }
  if (!res.ok) {
    const error = errorSchema.safeParse(body);
    if (error.success) throw new ApiCallError(error.data.message, error.data.code);
    throw new ApiCallError(`${name}: HTTP ${res.status} ${text.slice(0, 300)}`.trim());
  }
  return body;
}

/** The preload answers an envelope, so a refusal keeps its code as it does over HTTP. */
async function overBridge(bridge: Bridge, name: OperationName, input: unknown): Promise<unknown> {
  const result = await bridge.call(name, input);
  if (result.ok) return result.value;
  const error = errorSchema.safeParse(result.error);
  throw new ApiCallError(result.error.message, error.success ? error.data.code : undefined);
}

/** True in the desktop app, where the preload bridge (and so native dialogs) exists. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.bluehelm !== undefined;
}

function call(name: OperationName, input: unknown): Promise<unknown> {
  const bridge = window.bluehelm;
  return bridge ? overBridge(bridge, name, input) : overHttp(name, input);
}

// Outputs are checked against the contract so a mismatched core fails loudly here, not as a blank view.
async function checkedCall(name: OperationName, input: unknown): Promise<unknown> {
  const output = await call(name, input ?? {});
  const parsed = operations[name].output.safeParse(output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiCallError(`${name}: unexpected answer from the core at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export const api = Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => checkedCall(name, input)])) as Api;

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
