// Colours for node types. The server's schema gives a colour-blind-safe palette for known labels and stable
// generated colours for the rest; labels the schema has not seen yet (a node added later) get a colour generated
// here from the label's text, so the same label is always drawn the same way.

/** Labels every entity carries besides its real type: never used as the type a node is coloured by. */
export const GENERIC_LABELS = ["Entity", "Node", "Resource"] as const;

export function primaryType(labels: readonly string[]): string {
  const specific = labels.find((l) => !(GENERIC_LABELS as readonly string[]).includes(l));
  return specific ?? labels[0] ?? "Unlabelled";
}

function hashText(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A mid-lightness colour from the label's hash: readable on white and distinct enough between labels. */
export function generatedColor(label: string): string {
  const h = hashText(label);
  const hue = h % 360;
  const sat = 45 + ((h >> 9) % 25);
  const light = 38 + ((h >> 17) % 14);
  return hslToHex(hue, sat, light);
}

function hslToHex(h: number, s: number, l: number): string {
  const sl = s / 100;
  const ll = l / 100;
  const a = sl * Math.min(ll, 1 - ll);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = ll - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export class TypeColors {
  private readonly known = new Map<string, string>();

  setSchemaColors(entries: readonly { label: string; color: string }[]): void {
    for (const e of entries) if (/^#[0-9a-f]{3,8}$/i.test(e.color)) this.known.set(e.label, e.color);
  }

  colorOf(label: string): string {
    return this.known.get(label) ?? generatedColor(label);
  }
}
