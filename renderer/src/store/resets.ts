import type { BluehelmState } from './index';

// What each slice drops when the analyst switches to another workspace: computed answers, requests still
// on their way. A slice registers its reset here, so the switch never has to know the list of slices.

type Reset = (state: BluehelmState) => void;

const resets = new Map<string, Reset>();

export function resetOnWorkspaceSwitch(slice: string, reset: Reset): void {
  resets.set(slice, reset);
}

export function resetForNewWorkspace(state: BluehelmState): void {
  for (const reset of resets.values()) reset(state);
}

/** The slices that registered, for tests that check none was forgotten. */
export const registeredResets = (): string[] => [...resets.keys()];
