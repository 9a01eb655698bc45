// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, hlcAt, hlcNode, hlcTime, isHlc, newDeviceId, nextHlc, parseHlc, receiveHlc } from '../../utils/sync/hlc';

describe('hybrid logical clock', () => {
  it('writes stamps that sort as strings in time order, and reads them back', () => {
    const early = formatHlc({ wall: 999, counter: 35, node: 'zzz' });
    const late = formatHlc({ wall: 1_000, counter: 0, node: 'aaa' });
    expect(compareHlc(early, late)).toBe(-1);
    expect(early < late).toBe(true);
    expect(parseHlc(late)).toEqual({ wall: 1_000, counter: 0, node: 'aaa' });
    expect(isHlc(late)).toBe(true);
    expect(isHlc('1000-0-aaa')).toBe(false);
    expect(() => formatHlc({ wall: 1, counter: 0, node: 'Bad Node' })).toThrow();
  });

  it('follows the wall clock when it moves forward', () => {
    const first = nextHlc('dev1', 5_000);
    const second = nextHlc('dev1', 6_000, first);
    expect(parseHlc(second)).toMatchObject({ wall: 6_000, counter: 0 });
  });

  it('never goes backwards when the wall clock does, nor repeats within a millisecond', () => {
    const first = nextHlc('dev1', 5_000);
    const same = nextHlc('dev1', 5_000, first);
    const behind = nextHlc('dev1', 4_000, same);
    expect(parseHlc(same)).toMatchObject({ wall: 5_000, counter: 1 });
    expect(parseHlc(behind)).toMatchObject({ wall: 5_000, counter: 2 });
    expect([first, same, behind].sort()).toEqual([first, same, behind]);
  });

  it('orders a change after the text it replaces, even one from a device whose clock runs ahead', () => {
    const fromFastDevice = hlcAt(10_000, 'fast');
    const edit = nextHlc('slow', 3_000, undefined, fromFastDevice);
    expect(compareHlc(edit, fromFastDevice)).toBe(1);
    expect(hlcNode(edit)).toBe('slow');
  });

  it('moves past stamps it receives, so later local changes come after them', () => {
    const last = hlcAt(1_000, 'me');
    const remote = formatHlc({ wall: 9_000, counter: 4, node: 'you' });
    const clock = receiveHlc('me', 2_000, last, remote);
    expect(compareHlc(clock, remote)).toBe(1);
    expect(parseHlc(clock)).toMatchObject({ wall: 9_000, counter: 5 });
    expect(compareHlc(nextHlc('me', 2_000, clock), remote)).toBe(1);
    expect(hlcTime(clock)).toBe(9_000);
  });

  it('breaks ties between devices by node, so no two devices make the same stamp', () => {
    expect(nextHlc('aaa', 1_000)).not.toBe(nextHlc('bbb', 1_000));
    expect(compareHlc(nextHlc('aaa', 1_000), nextHlc('bbb', 1_000))).toBe(-1);
  });

  it('borrows the next millisecond when one millisecond runs out of counter', () => {
    const full = formatHlc({ wall: 7, counter: 36 ** 4 - 1, node: 'n' });
    expect(parseHlc(nextHlc('n', 7, full))).toEqual({ wall: 8, counter: 0, node: 'n' });
  });

  it('makes device ids fit for stamps', () => {
    const id = newDeviceId();
    expect(id).toMatch(/^[a-z0-9]{12}$/);
    expect(newDeviceId()).not.toBe(id);
  });
});
