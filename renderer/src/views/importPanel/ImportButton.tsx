import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** The one way files enter the workspace: a button opening the system file picker. */
export function ImportButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const importing = useBluehelm((s) => s.importing);
  const importFiles = useBluehelm((s) => s.importFiles);
  return (
    <>
      <button
        type="button"
        className={primary ? 'bh-button primary' : 'bh-button'}
        data-testid="import-button"
        disabled={importing}
        onClick={() => input.current?.click()}
      >
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv"
        multiple
        hidden
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so choosing the same file again still fires a change.
          e.target.value = '';
          void importFiles(files);
        }}
      />
    </>
  );
}
