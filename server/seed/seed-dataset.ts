// Where the shipped seed graph lives and the dataset name its nodes and relations carry in Neo4j.
import { join } from "node:path";
import { PROJECT_ROOT } from "../config.ts";

export const SEED_DIR = join(PROJECT_ROOT, "seeds");
export const SEED_DATASET = "seed";
