// `.nianbaorc.json` for the command line: the nearest one in the checked file's folder or above,
// else the one in the current directory. Each file is read once; its problems are reported once.

import { dirname } from 'node:path';
import { checkOptionsOf, mergeConfig } from '../configValues';
import type { CheckOptions } from '../engine';
import { findRcFile } from '../rcFind';
import type { LoadedRcFile } from '../rcFile';

/**
 * Reading and validating a configuration file (zod's schemas, the JSONC parser), required when one is
 * found: a run without `.nianbaorc.json` never evaluates them (esbuild makes a required module lazy).
 */
function loadRcFile(path: string): LoadedRcFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../rcFile') as typeof import('../rcFile')).loadRcFile(path);
}

export type ConfigOptions = Pick<CheckOptions, 'severities' | 'format' | 'locale'>;

export class CliConfigs {
  private readonly loaded = new Map<string, LoadedRcFile>();
  /** Per folder, the configuration file that applies (a folder of 1,000 reports is looked up once). */
  private readonly pathByDir = new Map<string, string | undefined>();
  /** Per configuration file ('' for none), the options it stands for. */
  private readonly optionsByPath = new Map<string, ConfigOptions>();
  /** Configuration files with problems (each reported once). */
  failed = 0;

  constructor(
    private readonly cwd: string,
    private readonly complain: (message: string) => void,
  ) {}

  /** The engine options for one checked file; the defaults when no configuration file applies. */
  optionsFor(file: string): ConfigOptions {
    const dir = dirname(file);
    let path = this.pathByDir.get(dir);
    if (!this.pathByDir.has(dir)) {
      path = findRcFile(dir) ?? findRcFile(this.cwd, this.cwd);
      this.pathByDir.set(dir, path);
    }
    const known = this.optionsByPath.get(path ?? '');
    if (known) return known;
    const options = this.optionsOf(path);
    this.optionsByPath.set(path ?? '', options);
    return options;
  }

  private optionsOf(path: string | undefined): ConfigOptions {
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
