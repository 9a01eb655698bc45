import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, BACKGROUND_MESSAGES, type MessageType } from '../utils/messaging';
import { MessageGate, hasRequestSchema } from '../utils/message-gate';

const OWN = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const view = { id: OWN, url: `${ORIGIN}sidepanel.html?tab=3` };
const contentScript = { id: OWN, url: 'https://diff.wikimedia.org/2024/post/', tab: { id: 3 } };
const save = { type: 'draft:save', postKey: 'https://diff.wikimedia.org/p/', lang: 'ru', segmentId: 'p-1', text: 'Привет' };

describe('MessageGate', () => {
  it('lets in a well-formed message from an extension page', () => {
    const gate = new MessageGate(OWN, ORIGIN);
    expect(gate.admit(save, view)).toBe(save);
    expect(gate.admit({ type: 'posts:list' }, view)).toEqual({ type: 'posts:list' });
    expect(Object.values(gate.refused)).toEqual([0, 0, 0, 0]);
  });

  it('lets a content script report a page, and nothing else: no drafts, settings or credentials', () => {
    const gate = new MessageGate(OWN, ORIGIN);
    expect(gate.admit({ type: 'page:none', url: 'https://example.org/' }, contentScript)).not.toBeNull();
    for (const type of ['posts:list', 'sync:get-settings', 'tab:get-post', 'post:get-drafts', 'export:build'] as const) {
      expect(gate.admit({ type, tabId: 3, postKey: 'k', lang: 'ru', scope: 'all', format: 'json' }, contentScript)).toBeNull();
    }
    expect(gate.admit(save, contentScript)).toBeNull();
    expect(gate.refused.sender).toBe(6);
  });

  it('lets a content script ask for the page reader with no fields: the tab and frame come from the sender', () => {
    const gate = new MessageGate(OWN, ORIGIN);
    expect(gate.admit({ type: 'page:load-reader' }, contentScript)).toEqual({ type: 'page:load-reader' });
    expect(gate.admit({ type: 'page:load-reader', tabId: 9 }, contentScript)).toBeNull();
    expect(gate.admit({ type: 'page:load-reader', files: ['/background.js'] }, contentScript)).toBeNull();
    expect(gate.refused).toEqual({ 'not-ours': 0, sender: 0, unknown: 0, invalid: 2 });
  });

  it('refuses other extensions, unknown types and malformed or oversized requests, counting each', () => {
    const gate = new MessageGate(OWN, ORIGIN);
    expect(gate.admit(save, { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' })).toBeNull();
    expect(gate.admit({ type: 'drafts:drop-all' }, view)).toBeNull();
    expect(gate.admit('draft:save', view)).toBeNull();
    expect(gate.admit({ ...save, text: 42 }, view)).toBeNull();
    expect(gate.admit({ ...save, segmentId: '' }, view)).toBeNull();
    expect(gate.admit({ ...save, text: 'x'.repeat(1_000_001) }, view)).toBeNull();
    expect(gate.admit({ ...save, status: 'approved' }, view)).toBeNull();
    expect(gate.admit({ type: 'tab:get-post', tabId: -1 }, view)).toBeNull();
    expect(gate.admit({ type: 'post:seen', post: { key: 'k', url: 'u', detected: true, segments: 'many' } }, contentScript)).toBeNull();
    expect(gate.refused).toEqual({ 'not-ours': 1, sender: 0, unknown: 2, invalid: 6 });
  });

  it('has a schema for every message the background answers', () => {
    const missing = (MESSAGE_TYPES as readonly MessageType[]).filter((t) => BACKGROUND_MESSAGES.has(t) && !hasRequestSchema(t));
    expect(missing).toEqual([]);
  });
});
