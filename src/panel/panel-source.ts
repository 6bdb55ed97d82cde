import type { BackgroundToPanel, PanelToBackground } from '../shared/panel-protocol';

/** Where the panel's log comes from: the background's port in the extension, a fake or demo source elsewhere. */
export interface PanelSource {
  /** Returns the unsubscribe function. */
  subscribe(listener: (msg: BackgroundToPanel) => void): () => void;
  send(msg: PanelToBackground): void;
}
