// Under a segment's editor: the server would not take this draft (too large, or refused by the
// team's own rules), in its words. The draft stays in this browser; an edit tries it again.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SetAsideReason } from '@/utils/sync/set-aside';
import { useDraftContext } from '../post/draft-context';
import { reasonOf, watchSetAside } from './set-aside-reasons';

export function SetAsideNote({ segmentId }: { segmentId: string }) {
  const context = useDraftContext();
  const [reason, setReason] = useState<SetAsideReason | undefined>(undefined);
  useEffect(() => {
    if (!context) return undefined;
    const { postKey, lang } = context;
    const update = () => setReason(reasonOf(postKey, lang, segmentId));
    update();
    return watchSetAside(postKey, lang, update);
  }, [context?.postKey, context?.lang, segmentId]);
  if (!reason) return null;
  return (
    <p class="set-aside-note" role="note" data-testid="set-aside-note">
      {t('syncSetAsideNote', reason.reason, reason.error)}
    </p>
  );
}
