/**
 * Renders only the rows of a long list that are in view (plus an overscan) in a scroller of fixed row
 * height, so thousands of rows cost what forty do. Rows are keyed: an unchanged row keeps its element
 * (and its focus) while the list scrolls or re-sorts. Shared by the participant table and the timeline.
 */

export interface VirtualListOptions<T> {
  /** The element that scrolls. A sticky header inside it must sit directly above `body`. */
  scroller: HTMLElement;
  /** Holds the rows; gets the list's full height. Must be position: relative. */
  body: HTMLElement;
  rowHeight: number;
  overscan: number;
  key(item: T): string;
  render(item: T, index: number): HTMLElement;
  /** Called when a kept row moves to another index (e.g. to update aria-rowindex). */
  moved?(element: HTMLElement, index: number): void;
  /** An index rendered even when scrolled away, so the row holding the focus is never removed. */
  pinned?(): number | undefined;
}

interface Rendered<T> {
  item: T;
  index: number;
  element: HTMLElement;
}

export class VirtualList<T> {
  private items: readonly T[] = [];
  private rendered = new Map<string, Rendered<T>>();
  // Geometry is cached from scroll and resize events: reading it inside update() would force a
  // layout after every DOM change, several per sort or keystroke.
  private scrollTop = 0;
  private viewportHeight = 0;

  constructor(private readonly options: VirtualListOptions<T>) {
    options.scroller.addEventListener(
      'scroll',
      () => {
        this.scrollTop = options.scroller.scrollTop;
        this.update();
      },
      { passive: true },
    );
    new ResizeObserver(() => {
      const viewport = options.scroller.clientHeight - options.body.offsetTop;
      if (viewport !== this.viewportHeight) {
        this.viewportHeight = viewport;
        this.update();
      }
    }).observe(options.scroller);
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    this.options.body.style.height = `${items.length * this.options.rowHeight}px`;
    this.update();
  }

  /** Rows fully in view; at least one. */
  pageSize(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.options.rowHeight));
  }

  element(index: number): HTMLElement | undefined {
    const item = this.items[index];
    return item === undefined ? undefined : this.rendered.get(this.options.key(item))?.element;
  }

  /** Scrolls just enough to show the row, then renders. */
  reveal(index: number): void {
    const top = index * this.options.rowHeight;
    if (top < this.scrollTop) this.scrollTo(top);
    else if (top + this.options.rowHeight > this.scrollTop + this.viewportHeight)
      this.scrollTo(top + this.options.rowHeight - this.viewportHeight);
    this.update();
  }

  scrollTo(top: number): void {
    this.options.scroller.scrollTop = top;
    this.scrollTop = Math.max(0, Math.min(top, this.items.length * this.options.rowHeight - this.viewportHeight));
    this.update();
  }

  update(): void {
    const { body, rowHeight, overscan, key } = this.options;
    const focused = document.activeElement;
    const first = Math.max(0, Math.floor(this.scrollTop / rowHeight) - overscan);
    const last = Math.min(
      this.items.length - 1,
      Math.ceil((this.scrollTop + Math.max(this.viewportHeight, rowHeight)) / rowHeight) + overscan,
    );
    const indices: number[] = [];
    for (let index = first; index <= last; index++) indices.push(index);
    const pinned = this.options.pinned?.();
    if (pinned !== undefined && pinned >= 0 && pinned < this.items.length && (pinned < first || pinned > last)) {
      indices.push(pinned);
      indices.sort((a, b) => a - b);
    }

    const next = new Map<string, Rendered<T>>();
    for (const index of indices) {
      const item = this.items[index];
      const id = key(item);
      const old = this.rendered.get(id);
      if (old && old.item === item) {
        if (old.index !== index) {
          old.element.style.top = `${index * rowHeight}px`;
          this.options.moved?.(old.element, index);
        }
        next.set(id, { item, index, element: old.element });
      } else {
        const element = this.options.render(item, index);
        element.style.top = `${index * rowHeight}px`;
        if (old) {
          old.element.replaceWith(element);
          if (old.element.contains(focused)) element.focus({ preventScroll: true });
        }
        next.set(id, { item, index, element });
      }
    }
    for (const [id, old] of this.rendered) if (!next.has(id)) old.element.remove();
    this.rendered = next;

    // Document order follows the list's order, for screen readers and Tab.
    let node = body.firstElementChild;
    for (const { element } of next.values()) {
      if (node === element) node = node.nextElementSibling;
      else body.insertBefore(element, node);
    }
    if (focused instanceof HTMLElement && body.contains(focused) && document.activeElement !== focused)
      focused.focus({ preventScroll: true });
  }
}
