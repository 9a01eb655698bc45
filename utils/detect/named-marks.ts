// Elements marked by their class or id: a theme's sharing box, a machine-translation widget. Written
// as a selector, such marks (`.name`, `#name`, `[class*="part"]`, `[id^="start"]`) are matched against
// every element of the page, and on a long post that took longer than reading the marks themselves
// off the few elements that have a class or an id. The selector stays, for tests to hold it to.

export interface Marks {
  /** Class names (`.name`). */
  classes?: readonly string[];
  /** Parts of the class attribute (`[class*="part"]`). */
  classParts?: readonly string[];
  /** Ids (`#name`). */
  ids?: readonly string[];
  /** Parts of the id (`[id*="part"]`). */
  idParts?: readonly string[];
  /** Starts of the id (`[id^="start"]`). */
  idStarts?: readonly string[];
}

export class NamedMarks {
  /** The same marks as a selector. */
  readonly selector: string;
  private readonly classes: ReadonlySet<string>;
  private readonly ids: ReadonlySet<string>;
  private readonly lowerClasses: ReadonlySet<string>;
  private readonly lowerIds: ReadonlySet<string>;
  private readonly classParts: readonly string[];
  private readonly idParts: readonly string[];
  private readonly idStarts: readonly string[];

  constructor({ classes = [], classParts = [], ids = [], idParts = [], idStarts = [] }: Marks) {
    this.selector = [
      ...ids.map((id) => `#${id}`),
      ...idStarts.map((start) => `[id^="${start}"]`),
      ...idParts.map((part) => `[id*="${part}"]`),
      ...classes.map((name) => `.${name}`),
      ...classParts.map((part) => `[class*="${part}"]`),
    ].join(', ');
    // In quirks mode `.name` and `#name` ignore case (attribute parts never do): names are compared
    // in lower case there.
    this.classes = new Set(classes);
    this.ids = new Set(ids);
    this.lowerClasses = new Set(classes.map((name) => name.toLowerCase()));
    this.lowerIds = new Set(ids.map((id) => id.toLowerCase()));
    this.classParts = classParts;
    this.idParts = idParts;
    this.idStarts = idStarts;
  }

  /** The marked elements inside `root`, in document order. */
  within(root: Element | Document): Element[] {
    const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
    const quirks = doc.compatMode === 'BackCompat';
    const found: Element[] = [];
    for (const element of Array.from(root.querySelectorAll('[class], [id]'))) {
      if (this.marks(element, quirks)) found.push(element);
    }
    return found;
  }

  private marks(element: Element, quirks: boolean): boolean {
    const id = element.getAttribute('id');
    if (id) {
      if (quirks ? this.lowerIds.has(id.toLowerCase()) : this.ids.has(id)) return true;
      for (const start of this.idStarts) if (id.startsWith(start)) return true;
      for (const part of this.idParts) if (id.includes(part)) return true;
    }
    const classAttribute = element.getAttribute('class');
    if (!classAttribute) return false;
    for (const part of this.classParts) if (classAttribute.includes(part)) return true;
    if (this.classes.size === 0) return false;
    const names = element.classList;
    for (let i = 0; i < names.length; i++) {
      if (quirks ? this.lowerClasses.has(names[i]!.toLowerCase()) : this.classes.has(names[i]!)) return true;
    }
    return false;
  }
}
