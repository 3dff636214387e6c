import { operations, isOperationName, type ApiError, type OperationName } from '../../shared/contract';
import { SpecError } from '../../shared/spec';
import { workspaceProblem } from './db/errors';
import { RestoreRefused } from './db/backup';
import { ImportRefused } from './import/run';
import { InvalidInput, NotAvailableHere, NotFound } from './errors';
import { PackInvalid } from './packs/store';
import { OutputRefused } from './packs/write';
import type { Impl } from './operations';
import { WorkspacePathError } from './session';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; status: number; error: ApiError };

/**
 * The one boundary every door passes: the operation name must be in the contract, the input is
 * parsed by its schema, and errors come back as a typed ApiError rather than a stack trace.
 */
export async function dispatch(ops: Impl, name: string, rawInput: unknown): Promise<DispatchResult> {
  if (!isOperationName(name)) return { ok: false, status: 404, error: { code: 'not_found', message: `no operation "${name}"` } };
  const op = operations[name as OperationName];
  const parsed = op.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, status: 400, error: { code: 'invalid_input', message: `${name}: ${issue.path.join('.') || 'input'}: ${issue.message}` } };
  }
  try {
    const value = await (ops[name as OperationName] as (i: unknown) => unknown)(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, status: 400, error: { code: 'invalid_input', message: e.message } };
    if (e instanceof ImportRefused) return { ok: false, status: 422, error: { code: 'refused', message: e.message } };
    if (e instanceof RestoreRefused) return { ok: false, status: 422, error: { code: 'refused', message: e.message } };
    const problem = workspaceProblem(e, 'the open workspace');
    if (problem) return { ok: false, status: 422, error: { code: 'refused', message: problem.message } };
    if (e instanceof WorkspacePathError) return { ok: false, status: 400, error: { code: 'invalid_input', message: e.message } };
    if (e instanceof NotAvailableHere) return { ok: false, status: 422, error: { code: 'refused', message: e.message } };
    if (e instanceof NotFound) return { ok: false, status: 404, error: { code: 'not_found', message: e.message } };
    if (e instanceof InvalidInput) return { ok: false, status: 400, error: { code: 'invalid_input', message: `${name}: ${e.message}` } };
    if (e instanceof PackInvalid) return { ok: false, status: 400, error: { code: 'invalid_input', message: e.message } };
    if (e instanceof OutputRefused) return { ok: false, status: 422, error: { code: 'refused', message: e.message } };
    console.error(e);
    return { ok: false, status: 500, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
