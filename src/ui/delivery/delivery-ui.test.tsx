// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RejectedCheckIn } from '../../domain/types.ts';
import type { SyncState } from '../../state/door.ts';
import { I18nProvider } from '../i18n/context.tsx';
import { DeliveryAlert, RejectedAlert } from './DeliveryAlert.tsx';
import { RejectedList } from './RejectedList.tsx';

afterEach(cleanup);

const inRussian = (ui: React.ReactNode) => render(<I18nProvider>{ui}</I18nProvider>);

const refused: RejectedCheckIn = {
  id: 'r1', showId: 1, code: '875196723453', checkedAt: '2026-12-29T19:03:12+03:00', deviceId: 'd', queuedAt: 1, attempts: 1, lastError: null,
  rejectedAt: 2, reason: 'Билет возвращён',
};

const waiting = (patch: Partial<Extract<SyncState, { status: 'waiting' }>>): SyncState => ({
  status: 'waiting', lastSuccessAt: null, retryAt: Date.now() + 4_000, message: 'Method Not Allowed', problem: 'refused', status_code: 405, failures: 3, ...patch,
});

describe('delivery alert', () => {
  it('says in Russian that Qtickets refuses delivery, with the status and what to check, after repeated failures', () => {
    inRussian(<DeliveryAlert sync={waiting({})} online />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Qtickets не принимает отметки (HTTP 405)');
    expect(alert.textContent).toContain('Проверьте: токен');
    expect(alert.textContent).toContain('«Method Not Allowed»');
  });

  it('stays quiet for the first failures and for a plain lack of network', () => {
    inRussian(<DeliveryAlert sync={waiting({ failures: 2 })} online />);
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    inRussian(<DeliveryAlert sync={waiting({ problem: 'network', status_code: undefined, failures: 9 })} online />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names an unconfirming 2xx for what it is, not as an HTTP status', () => {
    inRussian(<DeliveryAlert sync={waiting({ problem: 'answer', status_code: undefined })} online />);
    expect(screen.getByRole('alert').textContent).toContain('сервер отвечает, но не подтверждает отметки');
  });
});

describe('rejected records', () => {
  it('are an alert at the top with a proper Russian plural', () => {
    inRussian(<RejectedAlert count={2} />);
    expect(screen.getByRole('alert').textContent).toContain('Сервер отклонил 2 отметки');
  });

  it('show the server reason and can be sent again', () => {
    const onResend = vi.fn();
    inRussian(<RejectedList rejected={[refused]} onResend={onResend} onDismiss={vi.fn()} />);
    expect(screen.getByTestId('rejected-count').textContent).toBe('1');
    expect(screen.getByTestId('rejected-item').textContent).toContain('«Билет возвращён»');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить снова' }));
    expect(onResend).toHaveBeenCalledWith('r1');
  });

  it('are dismissed only with a reason', () => {
    const onDismiss = vi.fn();
    inRussian(<RejectedList rejected={[refused]} onResend={vi.fn()} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Снять' }));
    fireEvent.click(screen.getByRole('button', { name: 'Снять с учёта' }));
    expect(onDismiss).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Напишите причину');
    fireEvent.change(screen.getByLabelText('Почему снять эту отметку'), { target: { value: 'пропущен по решению старшего' } });
    fireEvent.click(screen.getByRole('button', { name: 'Снять с учёта' }));
    expect(onDismiss).toHaveBeenCalledWith('r1', 'пропущен по решению старшего');
  });
});
