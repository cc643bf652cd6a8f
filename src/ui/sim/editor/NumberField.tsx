/** A number option that may be left empty (the default applies). */
export function NumberField({ label, value, onChange, min = 0, max, step, testId, title }: {
  label: string; value: unknown; onChange: (value: number | undefined) => void; min?: number; max?: number; step?: number; testId?: string; title?: string;
}) {
  return (
    <label className="inline" title={title}>{label}{' '}
      <input type="number" min={min} max={max} step={step} value={typeof value === 'number' ? value : ''} data-testid={testId} placeholder="default"
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} style={{ width: '6rem' }} />
    </label>
  );
}
