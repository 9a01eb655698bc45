// A message with an element in one of its placeholders (a <time>, the words of a diff…): the
// translation decides where the element stands, and the element keeps its markup.
import type { ComponentChildren } from 'preact';
import { t, uiLanguage, type MessageKey } from '@/utils/i18n';

/** A character no message or page text uses, to find where the element goes. */
const SLOT = '\uE000';

interface Props {
  message: MessageKey;
  /** What stands in the message's $1. */
  element: ComponentChildren;
  /** The message's $2…. */
  more?: string[];
  /**
   * The message's own words are for screen readers only; the element still shows. They say their
   * language, since they stand inside text of another (a post's source).
   */
  hidden?: boolean;
}

export function MessageWithSlot({ message, element, more = [], hidden = false }: Props) {
  const [before = '', after = ''] = t(message, SLOT, ...more).split(SLOT);
  const words = (text: string) =>
    hidden && text ? (
      <span class="visually-hidden" lang={uiLanguage()}>
        {text}
      </span>
    ) : (
      text
    );
  return (
    <>
      {words(before)}
      {element}
      {words(after)}
    </>
  );
}
