// SPDX-License-Identifier: EUPL-1.2
/**
 * What the map tests share (`<gusp-map>` alone, and in the walk list's cards,
 * the walk's sign-up and the issue form): the shadow root and its words, the
 * browser's accessibility tree (what a screen reader gets), and a clean page
 * after each test.
 */
import { fixtureCleanup } from '@open-wc/testing';
import { a11ySnapshot, setViewport } from '@web/test-runner-commands';

export const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;

/** An element's words, its white space folded. */
export const text = (e: Element | null | undefined): string => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A node of the browser's accessibility tree (`a11ySnapshot`). */
export interface AxNode {
  role: string;
  name?: string;
  children?: AxNode[];
}

/** A node and every node below it, in the tree's order. */
export const flatten = (n: AxNode): AxNode[] => [n, ...(n.children ?? []).flatMap(flatten)];

/** Every node of the page's accessibility tree, in order. */
export const accessibilityTree = async (): Promise<AxNode[]> => flatten((await a11ySnapshot({})) as unknown as AxNode);

/** The map among `nodes`: an application named « Carte : {label} » (its keys pass through a screen reader). */
export const mapRegion = (nodes: readonly AxNode[], label = 'parcours du diagnostic'): AxNode | undefined =>
  nodes.find((n) => n.role === 'application' && n.name === `Carte : ${label}`);

/** The names of the buttons in `node`, in order (a map's markers, then its zoom). */
export const buttonNames = (node: AxNode): (string | undefined)[] =>
  flatten(node)
    .filter((n) => n.role === 'button')
    .map((n) => n.name);

/** The names of a route's markers in a map region: « 1. Parvis… », « 2. … ». */
export const stopNames = (region: AxNode): (string | undefined)[] => buttonNames(region).filter((name) => /^\d\./.test(name ?? ''));

/** After each test of the file: no fixture left, and the 800 × 600 viewport back (a test at 320 px changes it). */
export function cleanAfterEach(): void {
  afterEach(async () => {
    fixtureCleanup();
    await setViewport({ width: 800, height: 600 });
  });
}
