import { describe, expect, it } from 'vitest';
import { EVENTS_CHANNEL, apiMethods } from '../src/shared';
import { IPC_CHANNELS, IPC_EVENTS_CHANNEL } from './channels';

describe('the preload channel list', () => {
  it('is the apiMethods table, channel for channel', () => {
    const fromTable = Object.fromEntries(
      Object.entries(apiMethods).map(([name, method]) => [name, method.channel]),
    );
    expect({ ...IPC_CHANNELS }).toEqual(fromTable);
    expect(IPC_EVENTS_CHANNEL).toBe(EVENTS_CHANNEL);
  });
});
