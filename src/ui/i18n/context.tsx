import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadLocale, saveLocale } from '../../state/preferences.ts';
import type { MessageArgs, MessageKey } from './catalog.ts';
import { formatDateTime, formatNumber, formatTime, formatTimeSeconds, LOCALES, plural, translate, type Locale, type PluralNoun } from './translate.ts';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;
  n: (count: number) => string;
  plural: (noun: PluralNoun, count: number) => string;
  time: (iso: string | number) => string;
  timeSeconds: (iso: string | number) => string;
  dateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Russian, the first language, wherever nothing (or nothing readable) was chosen. */
function initialLocale(): Locale {
  const saved = loadLocale();
  return (LOCALES as string[]).includes(saved) ? saved : 'ru';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // Screen readers and the browser's hyphenation read the page's language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    return {
      locale,
      setLocale(next) {
        saveLocale(next); // where storage is blocked: not remembered across reloads, still switched now
        setLocaleState(next);
      },
      t: (key, ...params) => translate(locale, key, params[0]),
      n: (count) => formatNumber(count, locale),
      plural: (noun, count) => plural(locale, noun, count),
      time: (iso) => formatTime(iso, locale),
      timeSeconds: (iso) => formatTimeSeconds(iso, locale),
      dateTime: (iso) => formatDateTime(iso, locale),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
