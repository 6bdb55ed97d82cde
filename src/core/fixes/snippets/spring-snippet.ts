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
    code: [
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
