// The options page's list of the sites Interlinear reads: the built-in ones and the ones the reader
// added with "Always check this site", each removable.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { siteLabelOf } from '@/utils/site-access/site-patterns';
import { listCheckedSites, removeCheckedSite, type CheckedSite } from '@/utils/site-access/site-scripts';
import { TRANSLATION_HOSTS } from '@/utils/translation-hosts';
import { ErrorLine } from '../common/ErrorLine';

export function SiteAccessList() {
  const [sites, setSites] = useState<CheckedSite[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const load = () =>
    listCheckedSites().then(setSites, (error: unknown) => {
      setSites([]);
      setMessage(t('siteListFailed', error instanceof Error ? error.message : String(error)));
    });
  useEffect(() => void load(), []);

  const remove = async (site: CheckedSite) => {
    setRemoving(site.pattern);
    setMessage(null);
    const result = await removeCheckedSite(site.pattern);
    if (!result.ok) setMessage(result.message);
    setRemoving(null);
    await load();
  };

  return (
    <section class="site-access" aria-labelledby="site-access-heading" data-testid="site-access">
      <h2 id="site-access-heading">{t('siteAccessHeading')}</h2>
      <p class="muted">{t('siteAccessIntro')}</p>
      <ul>
        {TRANSLATION_HOSTS.map((pattern) => (
          <li key={pattern}>
            {siteLabelOf(pattern)} <span class="muted">· {t('siteBuiltIn')}</span>
          </li>
        ))}
        {sites?.map((site) => (
          <li key={site.pattern} data-testid="checked-site">
            {site.label}{' '}
            <button
              type="button"
              disabled={removing === site.pattern}
              aria-label={t('siteRemoveLabel', site.label)}
              onClick={() => void remove(site)}
            >
              {t('siteRemove')}
            </button>
          </li>
        ))}
      </ul>
      {sites?.length === 0 && !message && (
        <p class="muted" data-testid="no-checked-sites">
          {t('siteNoneAdded', t('siteAlwaysCheck'))}
        </p>
      )}
      <ErrorLine kind="notice" error={message} />
    </section>
  );
}
