// Message parameters are typed from the Russian text: a missing or misspelt one is a type error
// (`npm run typecheck` fails on an unused @ts-expect-error), not a "{message}" on a door's screen.
import { describe, expect, it } from 'vitest';
import type { MessageArgs } from './catalog.ts';
import { translate } from './translate.ts';

const t = <K extends Parameters<typeof translate>[1]>(key: K, ...params: MessageArgs<K>) => translate('ru', key, params[0]);

describe('typed message parameters', () => {
  it('fills every placeholder a message names', () => {
    expect(t('refresh.failed', { message: 'нет связи' })).toBe('Список не обновлён: нет связи');
    expect(t('sync.idle')).toBe('Всё отправлено');
    // @ts-expect-error: 'refresh.failed' needs {message}
    expect(t('refresh.failed')).toContain('{message}');
    // @ts-expect-error: a placeholder of another message
    expect(t('refresh.failed', { summary: 'x' })).toContain('{message}');
    // @ts-expect-error: 'sync.idle' takes no parameters
    expect(t('sync.idle', { count: 1 })).toBe('Всё отправлено');
  });
});
