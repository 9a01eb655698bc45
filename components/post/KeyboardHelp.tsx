// The keys of the post view, listed from the one key map. Opened by its button or by its key;
// Escape (or Close) closes it and puts the focus back where it was.
import { useEffect, useRef } from 'preact/hooks';
import { KEY_MAP, keyLabel, keyOf } from '@/utils/keyboard/key-map';
import { t } from '@/utils/i18n';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
}

export function KeyboardHelp({ open, onOpenChange }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!open) return;
    // Still the element the reader was in: the panel takes the focus only now.
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
  }, [open]);

  const close = () => {
    const back = returnTo.current;
    returnTo.current = null;
    // Before the panel goes, or the focus would fall to the body.
    if (back?.isConnected) back.focus();
    onOpenChange(false);
  };

  return (
    <span class="keyboard-help">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="keyboard-help-panel"
        title={t('keysHelpButtonTitle', keyOf('open-help'))}
        onClick={() => (open ? close() : onOpenChange(true))}
      >
        {t('keysHelpButton')}
      </button>
      {open && (
        <div
          id="keyboard-help-panel"
          class="keyboard-help-panel"
          role="dialog"
          aria-labelledby="keyboard-help-title"
          tabIndex={-1}
          ref={panel}
          data-testid="keyboard-help"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            close();
          }}
        >
          <h2 id="keyboard-help-title">{t('keysHelpHeading')}</h2>
          <table>
            <tbody>
              {KEY_MAP.map((binding) => (
                <tr key={binding.command} data-command={binding.command}>
                  <th scope="row">
                    <kbd>{keyLabel(binding)}</kbd>
                  </th>
                  <td>{t(binding.description)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <kbd>Tab</kbd>
                </th>
                <td>{t('keysTabDescription')}</td>
              </tr>
            </tbody>
          </table>
          <button type="button" onClick={close}>
            {t('keysClose')}
          </button>
        </div>
      )}
    </span>
  );
}
