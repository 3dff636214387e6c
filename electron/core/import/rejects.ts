import type { Db } from '../db/open';
import { readRejectReason, type RejectReason } from '../../../shared/rejects';

export interface StoredReject {
  line: number;
  field: string;
  reason: RejectReason;
  raw: string;
}

/** A dataset's rejected rows in file order, each reason read back as its code (or an earlier version's words). */
export function storedRejects(db: Db, datasetId: number, limit: number): StoredReject[] {
  const rows = db.prepare(`SELECT line, field, reason, raw FROM reject WHERE dataset_id = ? ORDER BY line LIMIT ?`).all(datasetId, limit) as { line: number; field: string; reason: string; raw: string }[];
  return rows.map((r) => ({ ...r, reason: readRejectReason(r.reason) }));
}
