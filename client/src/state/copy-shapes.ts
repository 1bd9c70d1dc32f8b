// sigma copies every node's and edge's attributes into a fresh `{}` whenever it indexes them (Object.assign in its
// addNode/addEdge: a refresh, a layout frame's new positions). V8 shares a hidden class between such copies only
// through the transitions recorded on `{}`'s own, and caps those at 1,536 (transitions.h), dropping the ones no live
// object uses at each full collection. graphology keeps two `{}` per node keyed by neighbour ids, so a view of ~10,000
// nodes fills that table for good; once the transition for our first key has been dropped, every copy gets a
// hidden class of its own. Measured by hand at 50,000 nodes in chromium: a copy took ~5 µs instead of ~0.2, a layout
// frame's position update 1.0–1.8 s instead of 36–232 ms, and sigma's draw over those copies ~2× longer.
// One copy of each shape, held for the page's life, keeps that first transition alive.

/** One copy per shape (its keys in order): each store made holds the same shapes, and need not add copies. */
const held = new Map<string, object>();

/** Keeps the hidden classes of `{}`-copies of these attribute objects (call before any big graph is built). */
export function holdCopyShapes(samples: readonly object[]): void {
  for (const s of samples) {
    const shape = Object.keys(s).join("\u0000");
    if (!held.has(shape)) held.set(shape, Object.assign({}, s));
  }
}
