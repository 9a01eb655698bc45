// An error said where it happened, announced by screen readers as it appears. Nothing when there is none.
interface Props {
  error: string | null | undefined;
  /**
   * `field`: a line under the control that failed (the default); `inline`: inside a line of
   * controls; `notice`: a boxed notice for what failed in the view as a whole.
   */
  kind?: 'field' | 'inline' | 'notice';
  testId?: string;
}

export function ErrorLine({ error, kind = 'field', testId }: Props) {
  if (!error) return null;
  const Tag = kind === 'inline' ? 'span' : 'p';
  return (
    <Tag class={kind === 'notice' ? 'notice notice-error' : 'field-error'} role="alert" data-testid={testId}>
      {error}
    </Tag>
  );
}
