import type { Me } from '@verity/contract';
import { createContext, useContext } from 'react';

/**
 * What every signed-in screen needs from the shell: who is signed in (their organisation,
 * role and country) and a way to say the session has ended. Set by src/app; features read it
 * here instead of importing the auth feature.
 */
export interface AppContextValue {
  me: Me;
  /** Stable: call when the server answered AUTH_REQUIRED. */
  onAuthRequired: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext needs a signed-in <AppContext.Provider> above it');
  return value;
}
