// The command table: each module registers one subcommand on the program.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { registerValidate } from './validate.js';
import { registerRender } from './render.js';
import { registerGap } from './gap.js';
import { registerConvert } from './convert.js';
import { registerFix } from './fix.js';
import { registerInit } from './init.js';
import { registerMerge } from './merge.js';
import { registerDiff } from './diff.js';
import { registerApp } from './app.js';
import { registerSite } from './site.js';
import { registerReview } from './review.js';
import { registerSummary } from './summary.js';

export type RegisterCommand = (program: Command, ctx: Context) => Command;

export const COMMANDS: readonly RegisterCommand[] = [
  registerValidate,
  registerRender,
  registerGap,
  registerConvert,
  registerFix,
  registerReview,
  registerSummary,
  registerInit,
  registerMerge,
  registerDiff,
  registerApp,
  registerSite,
];
