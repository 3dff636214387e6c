import type { DatasetEntry } from '../contract';

/**
 * The files of the same kind imported after `dataset` that met rows already in the workspace (they
 * updated some or found some unchanged). A row names one source file, the one that inserted it or last
 * changed it, so rows such a later file held unchanged may still name `dataset` and would go with it:
 * the confirmation says so and points to Replace.
 */
export function laterOverlapping(datasets: readonly DatasetEntry[], dataset: DatasetEntry): DatasetEntry[] {
  return datasets.filter((d) => d.kind === dataset.kind && d.id > dataset.id && d.unchanged + d.updated > 0);
}
