import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, textIn, type PackDoc, type PackSettings } from '../../../../shared/pack';
import { useBluehelm } from '../../store';
import { withText } from '../../store/packSlice';
import { LazyInput } from './LazyInput';

/** Title, subtitle, author, date, language, marking and page size of the pack. */
export function PackSettingsForm({ doc }: { doc: PackDoc }) {
  const { t } = useTranslation();
  const editPack = useBluehelm((s) => s.editPack);
  const s = doc.settings;
  const set = (change: Partial<PackSettings>) => void editPack((d) => ({ ...d, settings: { ...d.settings, ...change } }));
  const text = (key: 'title' | 'subtitle' | 'author') => (
    <label>
      {t(`packs.settings.${key}`)}
      <LazyInput value={textIn(s[key], s.lang)} maxLength={key === 'subtitle' ? 300 : 200} onCommit={(v) => set({ [key]: withText(s[key], s.lang, v) })} testId={`pack-${key}`} />
    </label>
  );
  return (
    <fieldset className="bh-pack-settings" data-testid="pack-settings">
      <legend>{t('packs.settings.legend')}</legend>
      {text('title')}
      {text('subtitle')}
      {text('author')}
      <label>
        {t('packs.settings.date')}
        <input type="date" value={s.date ?? ''} onChange={(e) => set({ date: e.target.value || undefined })} />
      </label>
      <label>
        {t('packs.settings.lang')}
        <select value={s.lang} onChange={(e) => set({ lang: e.target.value as PackSettings['lang'] })} data-testid="pack-lang">
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </label>
      <label>
        {t('packs.settings.marking')}
        <LazyInput value={s.marking} maxLength={120} onCommit={(v) => set({ marking: v })} testId="pack-marking" />
      </label>
      <label>
        {t('packs.settings.pageSize')}
        <select value={s.pageSize} onChange={(e) => set({ pageSize: e.target.value as PackSettings['pageSize'] })}>
          {PAGE_SIZES.map((p) => (
            <option key={p} value={p}>
              {t(`packs.settings.page_${p === '16:9' ? 'wide' : 'a4'}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
