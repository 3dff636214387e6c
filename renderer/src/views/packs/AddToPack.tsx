import { useTranslation } from 'react-i18next';
import type { SlideInput } from '../../../../shared/pack';
import { useBluehelm } from '../../store';

/** "Add to pack" beside a view: the slide goes to the chosen pack (or a new one), with the numbers it was made from. */
export function AddToPack({ slide, testId = 'add-to-pack' }: { slide: () => SlideInput | null; testId?: string }) {
  const { t } = useTranslation();
  const packs = useBluehelm((s) => s.packs);
  const target = useBluehelm((s) => s.targetPackId);
  const setTarget = useBluehelm((s) => s.setTargetPack);
  const addSlide = useBluehelm((s) => s.addSlide);
  const busy = useBluehelm((s) => s.packBusy);
  return (
    <span className="bh-add-to-pack">
      <select aria-label={t('packs.target')} value={target ?? ''} onChange={(e) => setTarget(e.target.value === '' ? null : Number(e.target.value))} data-testid={`${testId}-target`}>
        <option value="">{t('packs.newPack')}</option>
        {packs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="bh-button bh-small"
        disabled={busy}
        data-testid={testId}
        onClick={() => {
          const s = slide();
          if (s) void addSlide(s);
        }}
      >
        {t('packs.add')}
      </button>
    </span>
  );
}
