// On a page of a site Interlinear does not read on its own: reads this tab now (the toolbar click
// lent it the tab), and offers to read every page of the site from now on. Its children (the view's
// "not asking" notice) wait until the scan has found nothing, so they never flash before a post.
// Without the `tabs` permission a tab's address is known only where Interlinear may read the page:
// a view opened otherwise than from the toolbar says how to lend it the tab.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { scanTab, type ScanResult } from '@/utils/site-access/scan-tab';
import { builtInSiteNames, isReadFromInstall, siteLabelOf, sitePatternOf } from '@/utils/site-access/site-patterns';
import { alwaysCheckSite, isSiteChecked } from '@/utils/site-access/site-scripts';
import { ErrorLine } from '../common/ErrorLine';

type SiteState =
  | { status: 'looking' }
  /** Not a web page, or a site read from install on: nothing to offer. */
  | { status: 'nothing' }
  /** The tab was not lent (no toolbar click): its address, and so its site, stay unknown. */
  | { status: 'unseen' }
  | { status: 'site'; pattern: string; checked: boolean; scan: ScanResult | 'scanning' };

export function CheckThisSite({ tabId, children }: { tabId: number; children?: ComponentChildren }) {
  const [site, setSite] = useState<SiteState>({ status: 'looking' });
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const update = (next: SiteState) => live && setSite(next);
    void (async () => {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      if (tab && tab.url === undefined) return update({ status: 'unseen' });
      const pattern = sitePatternOf(tab?.url);
      if (!pattern || isReadFromInstall(tab?.url)) return update({ status: 'nothing' });
      const checked = await isSiteChecked(pattern).catch(() => false);
      update({ status: 'site', pattern, checked, scan: 'scanning' });
      // A post found by the scan reaches this view as for any page: the page reports, the view reloads.
      const scan = await scanTab(tabId);
      update({ status: 'site', pattern, checked, scan });
    })();
    return () => {
      live = false;
    };
  }, [tabId]);

  if (site.status === 'looking') return null;
  if (site.status === 'nothing') return <>{children}</>;
  if (site.status === 'unseen') {
    return (
      <section class="check-this-site" data-testid="check-this-site">
        {children}
        <p class="muted" data-testid="scan-not-allowed">
          {t('siteScanNotAllowed')}
        </p>
      </section>
    );
  }
  const label = siteLabelOf(site.pattern);

  const onAlwaysCheck = () => {
    setAsking(true);
    setMessage(null);
    // Nothing awaited before this call: the browser shows its prompt only within the click.
    void alwaysCheckSite(site.pattern).then((result) => {
      setAsking(false);
      if (result.ok) {
        setSite({ ...site, checked: true });
        void scanTab(tabId);
      } else setMessage(result.message);
    });
  };

  return (
    <section class="check-this-site" data-testid="check-this-site">
      {site.scan === 'scanning' ? <p class="muted" data-testid="scanning">{t('siteReadingPage')}</p> : children}
      {site.scan === 'not-allowed' && (
        <p class="muted" data-testid="scan-not-allowed">
          {t('siteScanNotAllowed')}
        </p>
      )}
      {site.checked ? (
        <p class="muted" data-testid="site-checked">
          {t('siteChecked', label)}
        </p>
      ) : (
        <>
          <p class="muted">{t('siteOffer', label, builtInSiteNames(uiLanguage()))}</p>
          <button type="button" disabled={asking} onClick={onAlwaysCheck}>
            {t('siteAlwaysCheck')}
          </button>
        </>
      )}
      <ErrorLine kind="notice" error={message} />
    </section>
  );
}
