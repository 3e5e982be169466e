/** The id of a field's error message, for the field's aria-describedby. */
export const errorIdOf = (field: string) => `${field}-error`;

/** Why the last save refused a field, right under it (also listed in the summary at the top). */
export function FieldError({ field, message }: { field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="invalid field-error" id={errorIdOf(field)}>
      <span aria-hidden="true">✗</span> {message}
    </p>
  );
}

/** aria-describedby for a field: its hints, and its error when it has one. */
export const describedBy = (field: string, refused: ReadonlyMap<string, string>, ...hints: string[]) =>
  [...hints, ...(refused.has(field) ? [errorIdOf(field)] : [])].join(' ') || undefined;
