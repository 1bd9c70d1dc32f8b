// Non-instanced copies of sigma's instanced WebGL programs (node circles, edge rectangles and arrow heads, curves).
// Sigma draws one instance per node or edge with per-vertex constants (the corners). On a GPU that is cheap; in
// Chromium's software WebGL (SwiftShader, what this machine and any GPU-less desktop get) every instance pays a fixed
// cost: measured by hand on the bench's 10k-node view, 10,000 hidden circles (nothing rasterised) cost ~75 ms per
// pass, and a static frame fell from ~510 ms to ~180 ms with these copies (npm run bench, #1/#2). The copies
// write the corner constants into every vertex instead, so one plain drawArrays draws them all. Shaders, uniforms
// and the look are sigma's own.
import type { Attributes } from "graphology-types";
import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";
import { getAttributesItemsCount } from "sigma/rendering";

interface AttributeSpec {
  name: string;
  size: number;
  type: number;
  normalized?: boolean;
}
interface Definition {
  VERTICES: number;
  ATTRIBUTES: AttributeSpec[];
  CONSTANT_ATTRIBUTES?: AttributeSpec[];
  CONSTANT_DATA?: number[][];
  [key: string]: unknown;
}
interface ProgramInstance {
  array: Float32Array;
  getDefinition(): Definition;
  processVisibleItem(index: number, startIndex: number, ...data: unknown[]): void;
}
type ProgramClass = new (...args: never[]) => ProgramInstance;

function flatten<C extends ProgramClass>(Base: C): C {
  const base = Base.prototype.getDefinition() as Definition;
  if (!base.CONSTANT_ATTRIBUTES) return Base;
  const { CONSTANT_ATTRIBUTES: constantAttrs, CONSTANT_DATA: constants = [], ...plain } = base;
  const instanceItems = getAttributesItemsCount(base.ATTRIBUTES);
  const vertexItems = instanceItems + getAttributesItemsCount(constantAttrs);
  const definition: Definition = { ...plain, ATTRIBUTES: [...base.ATTRIBUTES, ...constantAttrs] };

  // A class expression over a runtime base: the mixin form TypeScript needs is `any`-typed constructor args.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Flat = class extends (Base as unknown as new (...args: any[]) => ProgramInstance) {
    override getDefinition(): Definition {
      return definition;
    }
    override processVisibleItem(index: number, startIndex: number, ...data: unknown[]): void {
      // The base writes one instance's attributes at startIndex; spread them over every vertex, each followed by
      // that vertex's constants. Later vertices first: vertex 0's constants overwrite nothing the copies still need.
      super.processVisibleItem(index, startIndex, ...data);
      const a = this.array;
      for (let v = base.VERTICES - 1; v >= 0; v--) {
        const at = startIndex + v * vertexItems;
        if (v > 0) a.copyWithin(at, startIndex, startIndex + instanceItems);
        const c = constants[v];
        for (let j = 0; j < c.length; j++) a[at + instanceItems + j] = c[j];
      }
    }
  };
  return Flat as unknown as C;
}

/** The same node program, drawn without instancing. */
export function flatNodeProgram<N extends Attributes, E extends Attributes>(
  P: NodeProgramType<N, E>,
): NodeProgramType<N, E> {
  return flatten(P as unknown as ProgramClass) as unknown as NodeProgramType<N, E>;
}

/** The same edge program, drawn without instancing (a compound program is rebuilt from its flattened parts). */
export function flatEdgeProgram<N extends Attributes, E extends Attributes>(
  P: EdgeProgramType<N, E>,
): EdgeProgramType<N, E> {
  return flatten(P as unknown as ProgramClass) as unknown as EdgeProgramType<N, E>;
}
