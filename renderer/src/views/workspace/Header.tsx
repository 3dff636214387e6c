import { useTranslation } from 'react-i18next';
import type { Lang } from '../../i18n/setup';
import { useBluehelm } from '../../store';
import { ImportButton } from '../importPanel/ImportButton';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const LANGUAGES: { lang: Lang; label: string }[] = [
  { lang: 'en', label: 'English' },
  { lang: 'zh', label: '中文' },
];

export function Header() {
  const { t } = useTranslation();
  const info = useBluehelm((s) => s.info);
  const lang = useBluehelm((s) => s.lang);
  const setLang = useBluehelm((s) => s.setLang);
  const hasData = (info?.datasets.length ?? 0) > 0;
  return (
    <header className="bh-header">
      <div className="bh-brand">
        <span className="bh-logo" aria-hidden="true" />
        <h1>Bluehelm</h1>
        <span className="bh-tagline">{t('app.tagline')}</span>
      </div>
      <WorkspaceSwitcher />
      <div className="bh-header-actions">
        {/* The empty state carries its own, larger import button. */}
        {hasData && <ImportButton />}
        <div className="bh-lang" role="group" aria-label={t('app.language')} data-testid="lang-switch">
          {LANGUAGES.map((l) => (
            <button key={l.lang} type="button" lang={l.lang === 'zh' ? 'zh-CN' : 'en'} aria-pressed={lang === l.lang} onClick={() => setLang(l.lang)}>
              {l.label}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
