/**
 * The whole bridge between the sandboxed renderer and main: one typed `invoke`. Nothing else is
 * exposed (no ipcRenderer, no events), so a compromised page can only make validated RPC calls.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../shared/api';

const api = {
  invoke: (method: string, input: unknown): Promise<Result<unknown>> =>
    ipcRenderer.invoke('claimdesk:invoke', method, input) as Promise<Result<unknown>>,
} satisfies { invoke(method: string, input: unknown): Promise<Result<unknown>> };

contextBridge.exposeInMainWorld('api', api);
