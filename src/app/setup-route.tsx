import type { ComponentProps } from 'react';
import { SetupQueries } from '../state/setup-queries.tsx';
import { SetupScreen } from '../ui/SetupScreen.tsx';

/** The setup screen with the query client only it needs; loaded on demand (screens.ts). */
export function SetupRoute(props: ComponentProps<typeof SetupScreen>) {
  return (
    <SetupQueries>
      <SetupScreen {...props} />
    </SetupQueries>
  );
}
