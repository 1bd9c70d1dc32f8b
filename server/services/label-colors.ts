// Colour hints per label. The seed's entity types get the Okabe–Ito palette (distinguishable with the common
// colour-vision deficiencies); any other label gets a stable colour hashed from its name, so it never changes.
export const KNOWN_LABEL_COLORS = {
  Country: "#0072B2",
  ArmedGroup: "#D55E00",
  Organization: "#009E73",
  GovernmentBody: "#56B4E9",
  Person: "#E69F00",
  Place: "#F0E442",
  Event: "#CC79A7",
  MediaOutlet: "#000000",
  Entity: "#7F7F7F",
  Source: "#999999",
  Claim: "#BBBBBB",
} as const;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

export function labelColor(label: string): string {
  const known = (KNOWN_LABEL_COLORS as Record<string, string>)[label];
  if (known) return known;
  const h = hash(label);
  return hslToHex(h % 360, 0.45 + ((h >>> 9) % 20) / 100, 0.45 + ((h >>> 17) % 15) / 100);
}
