/**
 * Small DOM helpers that work in every webview Office uses, Internet Explorer 11 included:
 * no Element.append/replaceChildren/closest, no classList.toggle's second argument.
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`Missing element #${id}`);
  return found as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Appends children (IE 11 has no Element.append). */
export function add(parent: Node, ...children: Node[]): void {
  for (const child of children) parent.appendChild(child);
}

/** Removes every child. */
export function empty(parent: Node): void {
  while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
}

export function setClass(node: HTMLElement, name: string, on: boolean): void {
  if (on) node.classList.add(name);
  else node.classList.remove(name);
}

/** The nearest ancestor (or the node itself) with the class, or null (IE 11 has no closest). */
export function ancestorWithClass(node: Node | null, name: string): HTMLElement | null {
  let at: Node | null = node;
  while (at !== null && at.nodeType === 1) {
    if ((at as HTMLElement).classList.contains(name)) return at as HTMLElement;
    at = at.parentNode;
  }
  return null;
}
