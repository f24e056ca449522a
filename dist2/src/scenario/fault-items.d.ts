import * as z from 'zod';
import type { FaultItemSpec } from './spec.js';
export declare const faultItemKeys: string[];
export declare const faultItemSchema: z.ZodPipe<z.ZodUnknown, z.ZodTransform<FaultItemSpec, unknown>>;
