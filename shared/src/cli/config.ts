// `.nianbaorc.json` for the command line: the nearest one in the checked file's folder or above,
// else the one in the current directory. Each file is read once; its problems are reported once.

import { dirname } from 'node:path';
import { checkOptionsOf, mergeConfig } from '../config';
import type { CheckOptions } from '../engine';
import { findRcFile, loadRcFile, type LoadedRcFile } from '../rcFile';

export type ConfigOptions = Pick<CheckOptions, 'severities' | 'format' | 'locale'>;

export class CliConfigs {
  private readonly loaded = new Map<string, LoadedRcFile>();
  /** Configuration files with problems (each reported once). */
  failed = 0;

  constructor(
    private readonly cwd: string,
    private readonly complain: (message: string) => void,
  ) {}

  /** The engine options for one checked file; the defaults when no configuration file applies. */
  optionsFor(file: string): ConfigOptions {
    const path = findRcFile(dirname(file)) ?? findRcFile(this.cwd, this.cwd);
    if (!path) return checkOptionsOf(mergeConfig());
    let rc = this.loaded.get(path);
    if (!rc) {
      rc = loadRcFile(path);
      this.loaded.set(path, rc);
      for (const p of rc.problems) this.complain(`${path}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${p.message}`);
      if (rc.problems.length > 0) this.failed++;
    }
    // The CLI has no display language: `auto` means Chinese.
    return checkOptionsOf(mergeConfig(rc.config));
  }
}
