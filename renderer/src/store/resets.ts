import type { BluehelmState } from './index';

// What each slice drops when the analyst switches to another workspace: computed answers, requests still
// on their way. A slice registers its reset here, so the switch never has to know the list of slices.
// Besides the resets: what is owed to the workspace being left (a write still waiting), and what the
// workspace being entered has to show (its last view), each asked of the file it belongs to.

type Reset = (state: BluehelmState) => void;
type Step = () => Promise<void>;

const resets = new Map<string, Reset>();
const leaving = new Map<string, Step>();
const entering = new Map<string, Step>();

/** Runs before the switch, while the old workspace is still the open one. */
export function beforeWorkspaceSwitch(name: string, step: Step): void {
  leaving.set(name, step);
}

/** Runs after the resets, once the new workspace is the open one and before its views are computed. */
export function afterWorkspaceSwitch(name: string, step: Step): void {
  entering.set(name, step);
}

export async function leaveWorkspace(): Promise<void> {
  await Promise.all([...leaving.values()].map((step) => step()));
}

export async function enterWorkspace(): Promise<void> {
  await Promise.all([...entering.values()].map((step) => step()));
}

export function resetOnWorkspaceSwitch(slice: string, reset: Reset): void {
  resets.set(slice, reset);
}

export function resetForNewWorkspace(state: BluehelmState): void {
  for (const reset of resets.values()) reset(state);
}

/** The slices that registered, for tests that check none was forgotten. */
export const registeredResets = (): string[] => [...resets.keys()];
