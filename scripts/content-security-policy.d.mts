import type { Plugin } from 'vite';
export function inlineScripts(html: string): string[];
export function scriptHash(body: string): string;
export function contentSecurityPolicy(scripts?: string[]): string;
export function contentSecurityPolicyPlugin(): Plugin;
export function contentSecurityHeaders(html: string): Record<string, string>;
