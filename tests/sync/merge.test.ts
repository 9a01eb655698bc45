// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hlcAt } from '../../utils/sync/hlc';
import { foldBranches, mergeSegment, type SegmentState } from '../../utils/sync/merge';

const at = (wall: number, node = 'a') => hlcAt(wall, node);
const version = (text: string, wall: number, node = 'a', extra: Partial<SegmentState> = {}): SegmentState => ({
  text,
  deleted: false,
  hlc: at(wall, node),
  device: node === 'a' ? 'laptop' : 'desktop',
  concurrentEdits: [],
  ...extra,
});

describe('merging one segment', () => {
  it('takes the server text when nothing local exists', () => {
    const merged = mergeSegment(null, version('Hola', 10, 'b'), null, 'a');
    expect(merged).toMatchObject({ state: { text: 'Hola' }, textChanged: true, needsPush: false, conflict: false });
  });

  it('takes a newer server text over an unchanged local one, without calling it a conflict', () => {
    const base = at(10, 'a');
    const merged = mergeSegment(version('Uno', 10, 'a'), version('Uno, editado', 20, 'b'), base, 'a');
    expect(merged).toMatchObject({ state: { text: 'Uno, editado' }, textChanged: true, conflict: false, needsPush: false });
    expect(merged.state.concurrentEdits).toEqual([]);
  });

  it('keeps a local edit made on top of the server text; the server gets it', () => {
    const base = at(10, 'b');
    const merged = mergeSegment(version('Mío', 20, 'a'), version('Base', 10, 'b'), base, 'a');
    expect(merged).toMatchObject({ state: { text: 'Mío' }, textChanged: false, conflict: false, needsPush: true });
  });

  it('keeps in history, unflagged, an older-stamped text a writer put over the one this device last shared', () => {
    // A writer whose clock never saw "Uno" (no Interlinear device: each moves past what it pulled).
    const base = at(20, 'a');
    const merged = mergeSegment(version('Uno', 20, 'a'), version('Otro texto', 10, 'x'), base, 'a');
    expect(merged).toMatchObject({ state: { text: 'Uno' }, conflict: false, textChanged: false });
    expect(merged.state.concurrentEdits).toEqual([]);
    expect(merged.overwritten.map((e) => e.text)).toEqual(['Otro texto']);
    // What this device knows already is no loss: the server's copy of its own text, or the base.
    expect(mergeSegment(version('Uno', 20, 'a'), version('Viejo', 10, 'a'), base, 'a').overwritten).toEqual([]);
    expect(mergeSegment(version('Uno', 20, 'a'), version('Base', 10, 'x'), at(10, 'x'), 'a').overwritten).toEqual([]);
  });

  it('on a real conflict, the later stamp wins and the other text waits for review', () => {
    const base = at(5, 'a');
    const local = version('Local', 20, 'a');
    const remote = version('Remote, later', 30, 'b');
    const merged = mergeSegment(local, remote, base, 'a');
    expect(merged.conflict).toBe(true);
    expect(merged.state.text).toBe('Remote, later');
    expect(merged.state.concurrentEdits).toEqual([{ text: 'Local', hlc: local.hlc, device: 'laptop' }]);
    expect(merged.needsPush).toBe(true); // the server must learn the losing text too
    expect(merged.newHistory).toEqual([]); // our own text is in our history already
  });

  it('is the same whichever side merges: both devices end with the same state', () => {
    const base = at(5, 'a');
    const a = version('From A', 20, 'a');
    const b = version('From B', 30, 'b');
    const onA = mergeSegment(a, b, base, 'a').state;
    const onB = mergeSegment(b, a, base, 'b').state;
    expect(onA).toEqual(onB);
  });

  it('brings the other device’s losing text into history when it arrives', () => {
    const base = at(5, 'b');
    const serverAfterConflict = version('B wins', 30, 'b', {
      concurrentEdits: [{ text: 'A lost', hlc: at(20, 'c'), device: 'tablet' }],
    });
    const merged = mergeSegment(version('Base', 5, 'b'), serverAfterConflict, base, 'a');
    expect(merged.newHistory.map((e) => e.text)).toEqual(['A lost']);
    expect(merged.state.concurrentEdits).toHaveLength(1);
  });

  it('does not call it a conflict when the server text was written on top of ours (a lost answer)', () => {
    const ours = version('Ours', 20, 'a');
    const theirs = version('Theirs, after ours', 30, 'b', { base: ours.hlc });
    const merged = mergeSegment(ours, theirs, at(5, 'a'), 'a');
    expect(merged.conflict).toBe(false);
    expect(merged.state.text).toBe('Theirs, after ours');
  });

  it('does not call its own earlier text a rival (a push whose answer never came, then more typing)', () => {
    const earlier = version('Draft', 20, 'a');
    const merged = mergeSegment(version('Draft, continued', 30, 'a'), earlier, null, 'a');
    expect(merged).toMatchObject({ conflict: false, needsPush: true, state: { text: 'Draft, continued', concurrentEdits: [] } });
  });

  it('finds nothing to do when the server already has our text (a push that was answered late)', () => {
    const ours = version('Ours', 20, 'a');
    const merged = mergeSegment(ours, { ...ours }, at(5, 'a'), 'a');
    expect(merged).toMatchObject({ conflict: false, needsPush: false, localChanged: false, textChanged: false });
  });

  it('lets a later edit win over a deletion, and keeps no review for a losing deletion', () => {
    const deletion = version('', 20, 'a', { deleted: true });
    const edit = version('Still here', 30, 'b');
    const merged = mergeSegment(deletion, edit, at(5, 'a'), 'a');
    expect(merged.state).toMatchObject({ text: 'Still here', deleted: false, concurrentEdits: [] });
  });

  it('lets a later deletion win over an edit, and keeps the edited text for review', () => {
    const edit = version('Edited', 20, 'a');
    const deletion = version('', 30, 'b', { deleted: true });
    const merged = mergeSegment(edit, deletion, at(5, 'a'), 'a');
    expect(merged.state).toMatchObject({ text: '', deleted: true });
    expect(merged.state.concurrentEdits.map((e) => e.text)).toEqual(['Edited']);
  });

  it('does not flag two devices that typed the same text', () => {
    const merged = mergeSegment(version('Same', 20, 'a'), version('Same', 30, 'b'), at(5, 'a'), 'a');
    expect(merged.conflict).toBe(false);
    expect(merged.state.concurrentEdits).toEqual([]);
  });

  it('drops reviewed edits everywhere: the latest review mark wins over the union', () => {
    const lost = { text: 'Old rival', hlc: at(20, 'c') };
    const local = version('Text', 30, 'a', { concurrentEdits: [lost] });
    const remote = version('Text', 30, 'a', { reviewedAt: at(40, 'b') });
    const merged = mergeSegment(local, remote, at(30, 'a'), 'a');
    expect(merged.state.concurrentEdits).toEqual([]);
    expect(merged.state.reviewedAt).toBe(at(40, 'b'));
    expect(merged.needsPush).toBe(false);
  });

  it('keeps at most 20 concurrent edits on a document, the newest', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ text: `v${i}`, hlc: at(100 + i, 'c') }));
    const merged = mergeSegment(version('Now', 500, 'a'), version('Now', 500, 'a', { concurrentEdits: many }), at(500, 'a'), 'a');
    expect(merged.state.concurrentEdits.map((e) => e.text)).toEqual(many.slice(10).map((e) => e.text));
  });
});

describe('folding the server’s conflict branches', () => {
  it('keeps the later text and flags the other, whichever revision the server made the winner', () => {
    const earlier = version('Written on copy one', 20, 'a');
    const later = version('Written on copy two', 30, 'b');
    for (const order of [[earlier, later], [later, earlier]]) {
      const folded = foldBranches(order);
      expect(folded.conflict).toBe(true);
      expect(folded.state.text).toBe('Written on copy two');
      expect(folded.state.concurrentEdits.map((e) => e.text)).toEqual(['Written on copy one']);
      expect(folded.lost.map((e) => e.text)).toEqual(['Written on copy one']);
    }
  });

  it('is no conflict when one branch was written on top of the other', () => {
    const first = version('First', 10, 'a');
    const next = version('First, extended', 20, 'b', { base: first.hlc });
    expect(foldBranches([first, next])).toMatchObject({ conflict: false, state: { text: 'First, extended', concurrentEdits: [] }, lost: [] });
  });

  it('still hands a branch stamped before the last review to history, though it is not flagged again', () => {
    const reviewedAt = at(25, 'a');
    const reviewed = version('Reviewed text', 20, 'a', { reviewedAt });
    const stale = version('From another database, stamped earlier', 15, 'c');
    const folded = foldBranches([reviewed, stale]);
    expect(folded.state.concurrentEdits).toEqual([]);
    expect(folded.lost.map((e) => e.text)).toEqual(['From another database, stamped earlier']);
  });
});
