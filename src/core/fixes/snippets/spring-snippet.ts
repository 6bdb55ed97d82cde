import { quoteCString } from '../literals/quote-c-string';
import { quoteCStrings } from '../literals/quote-c-strings';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, RouteScope, Snippet } from '../types';

export function springSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const calls = [
    `.allowedOrigins(${quoteCString(needs.origin)})`,
    // Without this Spring allows only GET, HEAD and POST.
    `.allowedMethods(${quoteCStrings(needs.methods)})`,
    needs.allowHeaders.length > 0 ? `.allowedHeaders(${quoteCStrings(needs.allowHeaders)})` : undefined,
    needs.exposeHeaders.length > 0 ? `.exposedHeaders(${quoteCStrings(needs.exposeHeaders)})` : undefined,
    needs.credentials ? '.allowCredentials(true)' : undefined,
    `.maxAge(${needs.maxAge});`,
  ].filter((call) => call !== undefined);
  return {
    framework: 'spring',
    title: 'Spring MVC (WebMvcConfigurer.addCorsMappings)',
    language: 'java',
    versions:
      'Spring Framework 5.0 or later (Spring Boot 2 or 3); on Spring 4.3 extend WebMvcConfigurerAdapter instead of implementing WebMvcConfigurer',
    verification: {
      live: false,
      reason:
        'Debian 12 packages no Spring Framework 5 or later, so no Spring app runs in the tests; the Java is only compiled against stand-ins of the Spring classes it uses.',
    },
    code: [
      '// CorsConfig.java, in your application package or below it (where component scanning finds it).',
      'package com.example.demo; // ← your package',
      '',
      'import org.springframework.context.annotation.Configuration;',
      'import org.springframework.web.servlet.config.annotation.CorsRegistry;',
      'import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;',
      '',
      '// With Spring Security, also call http.cors(Customizer.withDefaults()) so preflights skip authentication.',
      '@Configuration',
      'public class CorsConfig implements WebMvcConfigurer {',
      '    @Override',
      '    public void addCorsMappings(CorsRegistry registry) {',
      `        registry.addMapping(${quoteCString(springPathPattern(needs.scope))})`,
      ...calls.map((call) => `            ${call}`),
      '    }',
      '}',
    ].join('\n'),
  };
}

function springPathPattern(scope: RouteScope): string {
  return scope.prefix.endsWith('/') ? `${scope.prefix}**` : scope.prefix;
}
