import { BackupsList } from './BackupsList';
import { DatasetsList } from './DatasetsList';

/** The workspace's files: the datasets imported into it, and the backups kept beside it. */
export function DatasetsTab() {
  return (
    <>
      <DatasetsList />
      <BackupsList />
    </>
  );
}
