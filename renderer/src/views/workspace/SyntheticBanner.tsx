import en from '../../i18n/en.json';
import zh from '../../i18n/zh.json';

/** Shown in both languages whatever the choice, so nobody can miss or misread it on a screenshot. */
export function SyntheticBanner() {
  return (
    <div className="bh-synthetic" role="status" data-testid="synthetic-banner">
      <strong>{en.synthetic.banner}</strong>
      <span lang="zh-CN">{zh.synthetic.banner}</span>
    </div>
  );
}
