// The quality line's glossary warnings: a source term's agreed translation missing from the
// draft, or a form to avoid used; as the quality checks' issues are shaped.
import { useMemo } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { useTermMatcher } from '../memory/memory-context';

export interface GlossaryWarning {
  kind: 'glossary-missing' | 'glossary-avoid';
  placeholder?: undefined;
  message: string;
}

const NONE: GlossaryWarning[] = [];

export function useGlossaryIssues(source: string, draft: string): GlossaryWarning[] {
  const matcher = useTermMatcher();
  return useMemo(() => {
    if (!matcher) return NONE;
    return matcher.check(source, draft).map((issue) => ({
      kind: issue.kind,
      message:
        issue.kind === 'glossary-missing'
          ? t('glossaryMissing', issue.source, issue.targets.join(' / '))
          : t('glossaryAvoided', issue.used, issue.targets.join(' / ')),
    }));
  }, [matcher, source, draft]);
}
