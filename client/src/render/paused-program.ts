// Big views hide their edges while the layout moves every node. Hidden through the edge reducer, every edge had to be
// reduced and re-processed again when the layout started and stopped: one task of ~350 ms at 10,000 nodes / 20,000
// edges, the longest while the layout ran (npm run bench, #2). A program that skips its draw leaves sigma's data as
// it is, so starting and stopping is one ordinary frame.
import type { Attributes } from "graphology-types";
import type { EdgeProgramType } from "sigma/rendering";

/** The same edge program, drawing nothing while `paused()` holds (sigma still processes its data). */
export function pausedWhile<N extends Attributes, E extends Attributes>(
  P: EdgeProgramType<N, E>,
  paused: () => boolean,
): EdgeProgramType<N, E> {
  // A class expression over a runtime base: the mixin form TypeScript needs is `any`-typed constructor args.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Paused = class extends (P as unknown as new (...args: any[]) => { render(params: unknown): void }) {
    override render(params: unknown): void {
      if (!paused()) super.render(params);
    }
  };
  return Paused as unknown as EdgeProgramType<N, E>;
}
