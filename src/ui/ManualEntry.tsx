import { memo, useState, type FormEvent } from 'react';
import { useI18n } from './i18n/context.tsx';

/** Typing a number from a crumpled ticket, or from a phone screen the camera cannot read. */
export const ManualEntry = memo(function ManualEntry({ onSubmit }: { onSubmit: (raw: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
    setValue('');
  };
  return (
    <form className="manual" onSubmit={submit}>
      <label htmlFor="manual-code">{t('scan.manual')}</label>
      <div className="manual-row">
        <input
          id="manual-code"
          data-testid="manual-code"
          inputMode="numeric"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={512}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">{t('scan.manual.submit')}</button>
      </div>
    </form>
  );
});
