// An error said where it happened, announced by screen readers as it appears. Nothing when there is none.
interface Props {
  error: string | null | undefined;
  /** Inside a line of controls rather than a line of its own. */
  inline?: boolean;
}

export function ErrorLine({ error, inline = false }: Props) {
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag class="field-error" role="alert">
      {error}
    </Tag>
  );
}
